package io.meshwork.model.parse;

import io.meshwork.model.definition.Contract;
import io.meshwork.model.definition.CsvFormat;
import io.meshwork.model.definition.Delivery;
import io.meshwork.model.definition.Problems;
import io.meshwork.model.definition.Suggestions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads a source's {@code delivery} block: mode, key, accepted formats and the CSV dialect. */
final class DeliveryParser {

  private static final List<String> KEYS = List.of("mode", "key", "formats", "csv");
  private static final List<String> CSV_KEYS = List.of("delimiter", "quote", "header", "encoding",
      "decimalSeparator", "dateFormat", "timestampFormat");
  private static final List<String> MODES = List.of("replace", "append");
  private static final List<String> FORMATS = List.of("csv", "parquet");
  /** strftime conversions the CSV reader understands; anything else would fail on the first delivered row. */
  private static final Pattern FORMAT_PATTERN = Pattern.compile(
      "([^%]|%[-]?[aAbBcdHIjmMpSyYzZfgGnuVwWUxX%])+");

  private DeliveryParser() {
  }

  static Delivery parse(YamlMap source, String what, Contract contract, Problems problems) {
    Optional<YamlMap> block = source.optionalMap(what, "delivery");
    if (block.isEmpty()) {
      return Delivery.DEFAULT;
    }
    YamlMap map = block.get();
    String owner = "the delivery of " + what;
    map.allowOnly(owner, KEYS);
    Delivery.Mode mode = map.optionalText(owner, "mode").flatMap(text -> choice(map, "mode", text, MODES, owner,
        problems)).map(text -> Delivery.Mode.valueOf(text.toUpperCase(Locale.ROOT))).orElse(Delivery.Mode.REPLACE);
    List<String> key = new ArrayList<>();
    for (String column : map.textList(owner, "key")) {
      if (contract.column(column).isEmpty()) {
        problems.error(map.locationOf("key"), "The delivery key of %s names column '%s', which its contract does not "
            + "declare.%s", what, column, Suggestions.didYouMean(column, contract.columnNames()));
      } else {
        key.add(column);
      }
    }
    if (!key.isEmpty() && mode == Delivery.Mode.REPLACE) {
      problems.error(map.locationOf("key"), "The delivery key of %s applies to 'mode: append' only: a replace "
          + "delivery is always the whole table. Remove 'key' or set 'mode: append'.", what);
      key.clear();
    }
    Set<Delivery.Format> formats = EnumSet.noneOf(Delivery.Format.class);
    List<String> formatNames = map.textList(owner, "formats");
    for (String format : formatNames) {
      choice(map, "formats", format, FORMATS, owner, problems)
          .ifPresent(text -> formats.add(Delivery.Format.valueOf(text.toUpperCase(Locale.ROOT))));
    }
    if (map.has("formats") && formatNames.isEmpty()) {
      problems.error(map.locationOf("formats"), "'formats' of %s is empty. List csv, parquet or both.", owner);
    }
    return new Delivery(mode, key, formats.isEmpty() ? Delivery.DEFAULT.formats() : formats,
        csv(map, owner, problems));
  }

  private static CsvFormat csv(YamlMap delivery, String owner, Problems problems) {
    Optional<YamlMap> block = delivery.optionalMap(owner, "csv");
    if (block.isEmpty()) {
      return CsvFormat.DEFAULT;
    }
    YamlMap map = block.get();
    String what = "'csv' of " + owner;
    map.allowOnly(what, CSV_KEYS);
    CsvFormat defaults = CsvFormat.DEFAULT;
    String delimiter = character(map, "delimiter", defaults.delimiter(), what, problems);
    String quote = character(map, "quote", defaults.quote(), what, problems);
    boolean header = Fields.bool(map, what, "header", defaults.header(), problems);
    String encoding = map.optionalText(what, "encoding")
        .flatMap(text -> choice(map, "encoding", text.toLowerCase(Locale.ROOT), CsvFormat.ENCODINGS, what, problems))
        .orElse(defaults.encoding());
    String decimal = map.optionalText(what, "decimalSeparator")
        .flatMap(text -> choice(map, "decimalSeparator", text, CsvFormat.DECIMAL_SEPARATORS, what, problems))
        .orElse(defaults.decimalSeparator());
    String dateFormat = pattern(map, "dateFormat", defaults.dateFormat(), what, problems);
    String timestampFormat = pattern(map, "timestampFormat", defaults.timestampFormat(), what, problems);
    if (delimiter.equals(decimal) || delimiter.equals(quote)) {
      problems.error(map.locationOf("delimiter"), "The delimiter '%s' of %s is also its %s. Choose a different "
          + "delimiter, e.g. ';' when amounts are written 12,50.", delimiter, what,
          delimiter.equals(quote) ? "quote" : "decimal separator");
      return defaults;
    }
    return new CsvFormat(delimiter, quote, header, encoding, decimal, dateFormat, timestampFormat);
  }

  private static String character(YamlMap map, String key, String fallback, String what, Problems problems) {
    Optional<String> text = map.optionalText(what, key);
    if (text.isEmpty()) {
      return fallback;
    }
    String value = text.get().equals("\\t") ? "\t" : text.get();
    if (value.codePointCount(0, value.length()) != 1 || value.equals("\n") || value.equals("\r")) {
      problems.error(map.locationOf(key), "'%s' of %s must be one character, e.g. ';' (or '\\t' for a tab), not "
          + "'%s'.", key, what, text.get());
      return fallback;
    }
    return value;
  }

  private static String pattern(YamlMap map, String key, String fallback, String what, Problems problems) {
    Optional<String> text = map.optionalText(what, key);
    if (text.isEmpty()) {
      return fallback;
    }
    if (!text.get().contains("%") || !FORMAT_PATTERN.matcher(text.get()).matches()) {
      problems.error(map.locationOf(key), "'%s' of %s is not a strftime pattern: '%s'. Write it with %%Y, %%m, %%d, "
          + "%%H, %%M, %%S, e.g. '%%d.%%m.%%Y'.", key, what, text.get());
      return fallback;
    }
    return text.get();
  }

  private static Optional<String> choice(YamlMap map, String key, String value, List<String> allowed, String what,
      Problems problems) {
    if (allowed.contains(value)) {
      return Optional.of(value);
    }
    problems.error(map.locationOf(key), "Unknown %s '%s' in %s.%s Use %s.", key, value, what,
        Suggestions.didYouMean(value, allowed), String.join(" or ", allowed));
    return Optional.empty();
  }
}
