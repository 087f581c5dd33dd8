package org.cabackoffice.auditors;

import java.util.List;

/**
 * One plane of a process model as drawn in its BPMNDI, with the elements an application's process
 * passed marked: the auditor's view of the path it took. Drawn on the server as SVG, so the page
 * needs no script and the build no Node toolchain (issue 11).
 *
 * @param name the process's or the sub-process's name; the plane's title
 * @param minX left edge of the drawing, in the model's coordinates
 * @param minY top edge of the drawing
 */
public record ProcessDiagram(
    String name, double minX, double minY, double width, double height, List<Shape> shapes, List<Edge> edges) {

  public ProcessDiagram {
    shapes = List.copyOf(shapes);
    edges = List.copyOf(edges);
  }

  /** The SVG viewBox, with a margin so strokes at the edge are not cut. */
  public String viewBox() {
    return (minX - 10) + " " + (minY - 10) + " " + (width + 20) + " " + (height + 20);
  }

  /**
   * @param kind {@code event}, {@code gateway}, {@code task}, {@code subprocess} (collapsed: its
   *     elements are on its own plane) or {@code container} (a sub-process drawn open, with its
   *     elements inside its box): how it is drawn
   * @param passed whether the process entered it
   */
  public record Shape(
      String id, String name, double x, double y, double width, double height, String kind, boolean passed) {

    public double centerX() {
      return x + width / 2;
    }

    public double centerY() {
      return y + height / 2;
    }

    /**
     * The name in lines that fit the shape (about 6 units a character at the page's font size),
     * broken between words; a word longer than a line stands alone.
     */
    public List<String> lines() {
      if (name == null || name.isBlank()) {
        return List.of();
      }
      int perLine = Math.max(8, (int) (width / 6));
      List<String> lines = new java.util.ArrayList<>();
      StringBuilder line = new StringBuilder();
      for (String word : name.strip().split("\\s+")) {
        if (!line.isEmpty() && line.length() + 1 + word.length() > perLine) {
          lines.add(line.toString());
          line.setLength(0);
        }
        line.append(line.isEmpty() ? "" : " ").append(word);
      }
      lines.add(line.toString());
      return lines;
    }

    /**
     * Where the first line's baseline goes: centred in the shape, but at the top of a container,
     * above the elements inside it (as Camunda Modeler draws it), which would otherwise cover it.
     */
    public double firstLineY() {
      if ("container".equals(kind)) {
        return y + 14;
      }
      return centerY() - (lines().size() - 1) * 6.0 + 3;
    }

    /** The gateway's diamond as SVG polygon points. */
    public String diamond() {
      return centerX() + "," + y + " " + (x + width) + "," + centerY() + " " + centerX() + "," + (y + height) + " " + x + "," + centerY();
    }
  }

  /**
   * @param points SVG polyline points of the waypoints
   * @param passed whether the process passed both ends of the sequence flow
   */
  public record Edge(String id, String points, boolean passed) {}
}
