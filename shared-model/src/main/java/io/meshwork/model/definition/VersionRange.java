package io.meshwork.model.definition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A set of acceptable versions: {@code ^1} and {@code ^1.2} (same major), {@code ~1.2} (same minor), {@code 1.4.0}
 * (exactly), {@code >=1.2.0 <2.0.0} (comparators, all must hold) or {@code *} (any).
 */
public final class VersionRange {

  public static final VersionRange ANY = new VersionRange("*", List.of());

  private static final Pattern PARTIAL = Pattern.compile("(0|[1-9]\\d{0,5})(?:\\.(0|[1-9]\\d{0,5}))?(?:\\.(0|[1-9]\\d{0,5}))?");
  private static final Pattern COMPARATOR = Pattern.compile("(>=|<=|>|<|=)?(.+)");

  private final String text;
  private final List<Bound> bounds;

  private VersionRange(String text, List<Bound> bounds) {
    this.text = text;
    this.bounds = List.copyOf(bounds);
  }

  /** Parses a range; empty if the text is not one of the documented forms. */
  public static Optional<VersionRange> parse(String text) {
    String trimmed = Objects.requireNonNull(text, "text").trim();
    if (trimmed.equals("*") || trimmed.isEmpty()) {
      return trimmed.isEmpty() ? Optional.empty() : Optional.of(ANY);
    }
    if (trimmed.startsWith("^") || trimmed.startsWith("~")) {
      return partial(trimmed.substring(1)).map(parts -> new VersionRange(trimmed,
          trimmed.charAt(0) == '^' ? caret(parts) : tilde(parts)));
    }
    List<Bound> bounds = new ArrayList<>();
    for (String part : trimmed.split("\\s+")) {
      Matcher matcher = COMPARATOR.matcher(part);
      if (!matcher.matches()) {
        return Optional.empty();
      }
      Optional<SemanticVersion> version = SemanticVersion.parse(matcher.group(2));
      if (version.isEmpty()) {
        return Optional.empty();
      }
      String operator = matcher.group(1) == null ? "=" : matcher.group(1);
      bounds.add(new Bound(operator, version.get()));
    }
    return Optional.of(new VersionRange(trimmed, bounds));
  }

  public boolean contains(SemanticVersion version) {
    return bounds.stream().allMatch(bound -> bound.accepts(version));
  }

  /** The highest version in {@code candidates} that this range contains. */
  public Optional<SemanticVersion> highest(Collection<SemanticVersion> candidates) {
    return candidates.stream().filter(this::contains).max(SemanticVersion::compareTo);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VersionRange range && range.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }

  private static Optional<int[]> partial(String text) {
    Matcher matcher = PARTIAL.matcher(text);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    int[] parts = {Integer.parseInt(matcher.group(1)), -1, -1};
    for (int group = 2; group <= 3; group++) {
      if (matcher.group(group) != null) {
        parts[group - 1] = Integer.parseInt(matcher.group(group));
      }
    }
    return Optional.of(parts);
  }

  private static List<Bound> caret(int[] parts) {
    SemanticVersion lower = lower(parts);
    SemanticVersion upper;
    if (parts[0] > 0 || parts[1] < 0) {
      upper = new SemanticVersion(parts[0] + 1, 0, 0);
    } else if (parts[1] > 0 || parts[2] < 0) {
      upper = new SemanticVersion(0, parts[1] + 1, 0);
    } else {
      upper = new SemanticVersion(0, 0, parts[2] + 1);
    }
    return List.of(new Bound(">=", lower), new Bound("<", upper));
  }

  private static List<Bound> tilde(int[] parts) {
    SemanticVersion upper = parts[1] < 0
        ? new SemanticVersion(parts[0] + 1, 0, 0)
        : new SemanticVersion(parts[0], parts[1] + 1, 0);
    return List.of(new Bound(">=", lower(parts)), new Bound("<", upper));
  }

  private static SemanticVersion lower(int[] parts) {
    return new SemanticVersion(parts[0], Math.max(parts[1], 0), Math.max(parts[2], 0));
  }

  private record Bound(String operator, SemanticVersion version) {
    boolean accepts(SemanticVersion candidate) {
      int comparison = candidate.compareTo(version);
      return switch (operator) {
        case ">=" -> comparison >= 0;
        case ">" -> comparison > 0;
        case "<=" -> comparison <= 0;
        case "<" -> comparison < 0;
        default -> comparison == 0;
      };
    }
  }
}
