package io.releve.gateway.leak;

/** What the detector noticed in a meter's index series and did about it (DESIGN §3.3 guards). */
public enum GuardType {
  /** A reading older than one already taken: stored, but hours already decided stay decided. */
  BACKDATED("backdated"),
  /** Two different indexes at the same time: the first is kept. */
  CONFLICTING_DUPLICATE("conflicting_duplicate"),
  /** The index went down a little: water flowed backwards. Those hours are unknown, never zero. */
  BACKWARD_FLOW("backward_flow"),
  /** The index passed its last digit and started again from zero: the volume is counted across. */
  ROLLOVER("rollover"),
  /** The index jumped down or up beyond any plausible flow: a new meter, or a reset one. */
  REPLACEMENT("replacement"),
  /** A heat cost allocator went back to zero on its set day: counted on from zero. */
  SET_DAY_RESET("set_day_reset"),
  /** The meter's resolution cannot show 4 L/h within a 12-hour window: no leak detection. */
  TOO_COARSE("too_coarse"),
  /** A reading dated after the time of the analysis: ignored. */
  FUTURE("future");

  private final String label;

  GuardType(String label) {
    this.label = label;
  }

  /** The JSON, CSV and database name. */
  public String label() {
    return label;
  }
}
