package io.meshwork.model.definition;

/**
 * How long a table's history is kept: every published snapshot for {@code publishedDays}, and at least the last
 * {@code keepLastPublished} whatever their age; the audit branch of a run that was not published (kept for
 * inspection) for {@code blockedRunDays}. Files that no kept snapshot references are removed.
 */
public record RetentionPolicy(int publishedDays, int keepLastPublished, int blockedRunDays) {

  public static final RetentionPolicy DEFAULT = new RetentionPolicy(35, 10, 14);

  public RetentionPolicy {
    if (publishedDays < 1 || keepLastPublished < 1 || blockedRunDays < 1) {
      throw new IllegalArgumentException("Cannot keep history for less than one day or one snapshot: "
          + publishedDays + " days, last " + keepLastPublished + ", blocked runs " + blockedRunDays + " days");
    }
  }
}
