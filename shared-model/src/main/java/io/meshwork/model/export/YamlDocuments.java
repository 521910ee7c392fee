package io.meshwork.model.export;

import java.math.BigDecimal;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Writes exported documents as block-style YAML in the layout people write by hand: two-space indents, list items
 * indented under their key, each value on one line, text with line breaks as literal blocks, decimals as written
 * ({@code 0.0800}, never {@code 8.0E-2}). Keys keep the order of the maps, so the same definitions always give the
 * same bytes.
 */
public final class YamlDocuments {

  private YamlDocuments() {
  }

  /** The YAML text of {@code document}, a tree of maps, lists, strings, numbers, booleans and nulls. */
  public static String write(Map<String, Object> document) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    // One scalar, one line: long descriptions stay greppable and row filters are never broken between lines.
    options.setSplitLines(false);
    options.setAllowUnicode(true);
    options.setExplicitStart(false);
    return new Yaml(new DocumentRepresenter(options), options).dump(document);
  }

  /** Plain data only, with literal blocks for multi-line text and decimals in plain notation. */
  private static final class DocumentRepresenter extends Representer {

    DocumentRepresenter(DumperOptions options) {
      super(options);
      Represent text = representers.get(String.class);
      representers.put(String.class, data -> ((String) data).contains("\n")
          ? representScalar(Tag.STR, (String) data, DumperOptions.ScalarStyle.LITERAL)
          : text.representData(data));
      representers.put(BigDecimal.class, data -> {
        String plain = ((BigDecimal) data).toPlainString();
        return representScalar(plain.contains(".") ? Tag.FLOAT : Tag.INT, plain);
      });
    }
  }
}
