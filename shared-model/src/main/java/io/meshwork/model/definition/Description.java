package io.meshwork.model.definition;

/** Free-text description, with the ODCS/ODPS parts: purpose, limitations and usage (empty when not given). */
public record Description(String purpose, String limitations, String usage) {

  public static final Description EMPTY = new Description("", "", "");

  public Description {
    purpose = purpose == null ? "" : purpose;
    limitations = limitations == null ? "" : limitations;
    usage = usage == null ? "" : usage;
  }
}
