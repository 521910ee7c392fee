package io.meshwork.model.sql;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a transform's SQL reads: the tables named after FROM and JOIN (common table expressions excluded), the
 * table functions it calls there, and the {@code ${parameters}} it uses. Table functions that only generate rows
 * ({@code range}, {@code generate_series}, {@code unnest}) are allowed; any other, such as {@code read_csv}, would
 * read outside the declared inputs and is reported.
 */
public record TransformReferences(List<SqlToken> tables, List<SqlToken> tableFunctions, List<SqlToken> parameters) {

  /** Table functions that read nothing outside the query. */
  public static final Set<String> GENERATING_FUNCTIONS = Set.of("range", "generate_series", "unnest");

  private static final Set<String> CLAUSE_KEYWORDS = Set.of("where", "group", "order", "having", "limit", "join",
      "left", "right", "inner", "full", "cross", "outer", "on", "using", "union", "except", "intersect", "window",
      "qualify", "natural", "positional", "asof", "anti", "semi", "offset", "sample", "tablesample", "pivot",
      "unpivot", "select", "lateral", "returning");

  /** Keywords after which a comma no longer separates FROM items. */
  private static final Set<String> ENDS_FROM = Set.of("where", "group", "having", "qualify", "window", "order",
      "limit", "offset", "union", "except", "intersect", "select", "returning");

  /** Functions whose arguments use FROM as a keyword, e.g. {@code EXTRACT(YEAR FROM d)}. */
  private static final Set<String> FROM_ARGUMENT_FUNCTIONS = Set.of("extract", "trim", "substring", "overlay",
      "position");

  public TransformReferences {
    tables = List.copyOf(tables);
    tableFunctions = List.copyOf(tableFunctions);
    parameters = List.copyOf(parameters);
  }

  /** Reads the references of {@code sql}; throws {@link SqlSyntaxException} if it cannot be tokenized. */
  public static TransformReferences of(String sql) {
    List<SqlToken> tokens = SqlTokenizer.tokenize(sql);
    Set<String> commonTableExpressions = commonTableExpressions(tokens);
    List<SqlToken> tables = new ArrayList<>();
    List<SqlToken> functions = new ArrayList<>();
    // One frame per parenthesis level: whether it is a function taking FROM as a keyword, whether a FROM clause is
    // open in it (so that a comma starts another table).
    Deque<Frame> frames = new ArrayDeque<>();
    frames.push(new Frame(false));
    for (int i = 0; i < tokens.size(); i++) {
      SqlToken token = tokens.get(i);
      Frame frame = frames.peek();
      if (token.isSymbol("(")) {
        frames.push(new Frame(i > 0 && FROM_ARGUMENT_FUNCTIONS.contains(tokens.get(i - 1).name())));
      } else if (token.isSymbol(")")) {
        if (frames.size() > 1) {
          frames.pop();
        }
      } else if (token.isKeyword("from") && !frame.keywordFunction && !(i > 0 && tokens.get(i - 1).isKeyword("distinct"))
          || token.isKeyword("join") || token.isSymbol(",") && frame.inFrom) {
        frame.inFrom = true;
        i = readFromItem(tokens, i + 1, commonTableExpressions, tables, functions) - 1;
      } else if (token.type() == SqlToken.Type.IDENTIFIER && ENDS_FROM.contains(token.name())) {
        frame.inFrom = false;
      }
    }
    List<SqlToken> parameters = tokens.stream().filter(token -> token.type() == SqlToken.Type.PARAMETER).toList();
    return new TransformReferences(tables, functions, parameters);
  }

  /** Parse state of one parenthesis level. */
  private static final class Frame {
    final boolean keywordFunction;
    boolean inFrom;

    Frame(boolean keywordFunction) {
      this.keywordFunction = keywordFunction;
    }
  }

  /** Names declared by {@code WITH name AS (...)} and {@code , name AS (...)}. */
  private static Set<String> commonTableExpressions(List<SqlToken> tokens) {
    Set<String> names = new HashSet<>();
    for (int i = 0; i + 2 < tokens.size(); i++) {
      SqlToken name = tokens.get(i);
      if (isName(name) && tokens.get(i + 1).isKeyword("as")) {
        int next = i + 2;
        if (tokens.get(next).isKeyword("not")) {
          next++;
        }
        if (next < tokens.size() && tokens.get(next).isKeyword("materialized")) {
          next++;
        }
        if (next < tokens.size() && tokens.get(next).isSymbol("(") && i > 0
            && (tokens.get(i - 1).isKeyword("with") || tokens.get(i - 1).isKeyword("recursive")
            || tokens.get(i - 1).isSymbol(","))) {
          names.add(name.name());
        }
      }
    }
    return names;
  }

  /** Reads one FROM item (a table, a table function, or the start of a subquery); returns the index after it. */
  private static int readFromItem(List<SqlToken> tokens, int start, Set<String> ctes, List<SqlToken> tables,
      List<SqlToken> functions) {
    int i = start;
    while (i < tokens.size() && tokens.get(i).isKeyword("lateral")) {
      i++;
    }
    if (i >= tokens.size() || tokens.get(i).isSymbol("(")) {
      return i; // a subquery: the main scan finds its own FROM clauses
    }
    SqlToken token = tokens.get(i);
    if (token.type() == SqlToken.Type.STRING) {
      functions.add(token); // FROM 'file.parquet' reads a file
      return skipAlias(tokens, i + 1);
    }
    if (!isName(token) || CLAUSE_KEYWORDS.contains(token.name())) {
      return i;
    }
    int end = i + 1;
    while (end + 1 < tokens.size() && tokens.get(end).isSymbol(".") && isName(tokens.get(end + 1))) {
      end += 2;
    }
    SqlToken reference = end == i + 1 ? token : qualified(tokens, i, end);
    if (end < tokens.size() && tokens.get(end).isSymbol("(")) {
      if (!GENERATING_FUNCTIONS.contains(reference.name())) {
        functions.add(reference);
      }
      return end;
    }
    if (!ctes.contains(reference.name())) {
      tables.add(reference);
    }
    return skipAlias(tokens, end);
  }

  private static int skipAlias(List<SqlToken> tokens, int start) {
    int i = start;
    if (i < tokens.size() && tokens.get(i).isKeyword("as")) {
      i++;
    }
    if (i < tokens.size() && isName(tokens.get(i)) && !CLAUSE_KEYWORDS.contains(tokens.get(i).name())) {
      i++;
    }
    return i;
  }

  private static SqlToken qualified(List<SqlToken> tokens, int start, int end) {
    StringBuilder text = new StringBuilder();
    for (int i = start; i < end; i++) {
      text.append(tokens.get(i).text());
    }
    SqlToken first = tokens.get(start);
    return new SqlToken(SqlToken.Type.IDENTIFIER, text.toString().toLowerCase(Locale.ROOT), first.line(),
        first.column(), first.start(), tokens.get(end - 1).end());
  }

  private static boolean isName(SqlToken token) {
    return token.type() == SqlToken.Type.IDENTIFIER || token.type() == SqlToken.Type.QUOTED_IDENTIFIER;
  }
}
