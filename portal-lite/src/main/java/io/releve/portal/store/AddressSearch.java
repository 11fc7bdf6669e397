package io.releve.portal.store;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The enrolment's search by address: a substring of street, postcode and city, ignoring case and
 * accents ({@code "Hélène"} matches {@code "helene"}). Done in Java because the two engines fold
 * accents differently, and a landlord has few enough sites to scan.
 */
public final class AddressSearch {

  /** At most this many results: the visitor refines the words rather than scroll. */
  public static final int MAX_RESULTS = 10;

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private AddressSearch() {}

  /** The addresses whose street, postcode and city contain {@code query}, in the given order. */
  public static List<SiteAddress> filter(List<SiteAddress> addresses, String query) {
    String wanted = fold(query == null ? "" : query);
    if (wanted.isEmpty()) {
      return List.of();
    }
    return addresses.stream()
        .filter(a -> fold(a.street() + " " + a.postcode() + " " + a.city()).contains(wanted))
        .limit(MAX_RESULTS)
        .toList();
  }

  /** Lower case, without accents, apostrophes and hyphens as spaces, single spaces, trimmed. */
  static String fold(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    String bare = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    bare = bare.replace('\'', ' ').replace('’', ' ').replace('-', ' ').replace(',', ' ');
    return SPACES.matcher(bare).replaceAll(" ").strip();
  }
}
