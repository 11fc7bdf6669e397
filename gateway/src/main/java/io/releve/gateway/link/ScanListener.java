package io.releve.gateway.link;

/** Told about a scan's progress, on the scanning thread; it must return quickly. */
public interface ScanListener {

  /** Nothing to tell. */
  ScanListener NONE = (done, total, current) -> {};

  /**
   * @param done branches (addresses, or first id digits) finished
   * @param total branches in all
   * @param current what is being tried now, for display: an address or a mask
   */
  void progress(int done, int total, String current);

  /** A meter was found; it will also be in the scan's result. */
  default void found(FoundMeter meter) {}
}
