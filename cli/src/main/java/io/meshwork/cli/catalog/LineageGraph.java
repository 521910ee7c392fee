package io.meshwork.cli.catalog;

import java.util.List;

/**
 * A product's lineage as inline SVG: what it reads on the left, the product in the middle, what reads it on the
 * right, with an arrow along every edge. Nodes with a page of their own link to it.
 */
final class LineageGraph {

  private static final int NODE_WIDTH = 200;
  private static final int NODE_HEIGHT = 34;
  private static final int ROW = 48;
  private static final int[] COLUMNS = {10, 290, 570};
  private static final int WIDTH = 780;

  /** A box of the graph: its label, whether it is a source, and the page it links to (empty for none). */
  record Node(String label, boolean source, String href) {
  }

  private LineageGraph() {
  }

  static String svg(Node product, List<Node> inputs, List<Node> consumers) {
    int rows = Math.max(1, Math.max(inputs.size(), consumers.size()));
    int height = rows * ROW + 16;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg class=\"lineage\" role=\"img\" aria-labelledby=\"lineage-title\" width=\"").append(WIDTH)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
        .append("\" xmlns=\"http://www.w3.org/2000/svg\">\n<title id=\"lineage-title\">Lineage of ")
        .append(Html.escape(product.label())).append(": reads ").append(inputs.size()).append(", read by ")
        .append(consumers.size()).append("</title>\n")
        .append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" "
            + "markerHeight=\"8\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"arrow-head\"/></marker>"
            + "</defs>\n");
    int productY = top(0, 1, rows);
    for (int i = 0; i < inputs.size(); i++) {
      int y = top(i, inputs.size(), rows);
      edge(svg, COLUMNS[0] + NODE_WIDTH, y, COLUMNS[1], productY, inputs.get(i), product);
    }
    for (int i = 0; i < consumers.size(); i++) {
      int y = top(i, consumers.size(), rows);
      edge(svg, COLUMNS[1] + NODE_WIDTH, productY, COLUMNS[2], y, product, consumers.get(i));
    }
    for (int i = 0; i < inputs.size(); i++) {
      node(svg, inputs.get(i), COLUMNS[0], top(i, inputs.size(), rows), "input");
    }
    node(svg, product, COLUMNS[1], productY, "self");
    for (int i = 0; i < consumers.size(); i++) {
      node(svg, consumers.get(i), COLUMNS[2], top(i, consumers.size(), rows), "consumer");
    }
    return svg.append("</svg>\n").toString();
  }

  /** The top of node {@code index} of {@code count}, centred in {@code rows} rows. */
  private static int top(int index, int count, int rows) {
    return 8 + (rows - count) * ROW / 2 + index * ROW;
  }

  private static void edge(StringBuilder svg, int fromX, int fromTop, int toX, int toTop, Node from, Node to) {
    int fromY = fromTop + NODE_HEIGHT / 2;
    int toY = toTop + NODE_HEIGHT / 2;
    int middle = (fromX + toX) / 2;
    svg.append("<path class=\"edge\" data-from=\"").append(Html.escape(from.label())).append("\" data-to=\"")
        .append(Html.escape(to.label())).append("\" d=\"M").append(fromX).append(',').append(fromY).append(" C")
        .append(middle).append(',').append(fromY).append(' ').append(middle).append(',').append(toY).append(' ')
        .append(toX).append(',').append(toY).append("\" marker-end=\"url(#arrow)\"/>\n");
  }

  private static void node(StringBuilder svg, Node node, int x, int y, String role) {
    String classes = "node " + role + (node.source() ? " source" : " product");
    boolean linked = !node.href().isEmpty();
    if (linked) {
      svg.append("<a href=\"").append(Html.escape(node.href())).append("\" class=\"lineage-link\" data-node=\"")
          .append(Html.escape(node.label())).append("\">");
    }
    svg.append("<g class=\"").append(classes).append("\"><rect x=\"").append(x).append("\" y=\"").append(y)
        .append("\" width=\"").append(NODE_WIDTH).append("\" height=\"").append(NODE_HEIGHT)
        .append("\" rx=\"6\"/><text x=\"").append(x + NODE_WIDTH / 2).append("\" y=\"").append(y + 22)
        .append("\" text-anchor=\"middle\">").append(Html.escape((node.source() ? "source " : "") + node.label()))
        .append("</text></g>");
    if (linked) {
      svg.append("</a>");
    }
    svg.append('\n');
  }
}
