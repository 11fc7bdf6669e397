package io.releve.portal.documents;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * What a monthly statement says (DESIGN §6): whose dwelling, which days, one line per fluid
 * (heating first, then hot water, then cold water as a courtesy) and whom to contact.
 *
 * @param from the first day counted: the 1st of the month, or the move-in when later
 * @param to the last day counted: the month's last day, or the move-out when earlier
 * @param lot the dwelling's lot number; null when unknown
 * @param complaintContact {@code portal.complaint-contact}; null when not set
 */
public record MonthlyStatement(
    YearMonth period,
    LocalDate from,
    LocalDate to,
    String site,
    String dwelling,
    String lot,
    String resident,
    List<FluidLine> lines,
    String complaintContact,
    LocalDate issued) {

  public MonthlyStatement {
    lines = List.copyOf(lines);
  }
}
