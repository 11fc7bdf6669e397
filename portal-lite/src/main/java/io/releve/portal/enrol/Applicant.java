package io.releve.portal.enrol;

import java.time.LocalDate;

/** What step 4 asked, validated: names as typed, the e-mail as typed, the move-in day. */
record Applicant(String lastName, String firstName, String email, LocalDate moveIn) {

  /** Never the e-mail: records end up in logs. */
  @Override
  public String toString() {
    return "Applicant[moveIn=" + moveIn + "]";
  }
}
