package io.adfbeam.runners.cli;

import io.adfbeam.runners.ledger.LedgerEntry;
import io.adfbeam.runners.ledger.RunState;
import io.adfbeam.translator.model.Activity;
import io.adfbeam.translator.model.Dataset;
import io.adfbeam.translator.model.DatasetRef;
import io.adfbeam.translator.model.Factory;
import io.adfbeam.translator.model.Pipeline;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The factory as a graph, like ADF's diagram view: datasets and activities as nodes, an edge from
 * each input dataset to its activity and from each activity to its outputs. Node states come from
 * the run ledger: an activity's is its slices' worst (Failed, TimedOut, InProgress, Waiting,
 * Skipped, then Ready); an output dataset's is its producer's; other datasets have none.
 */
final class Lineage {
  record Node(String id, String label, String kind, String detail, String state) {}

  record Edge(String from, String to) {}

  final List<Node> nodes = new ArrayList<>();
  final List<Edge> edges = new ArrayList<>();

  static Lineage of(Factory factory, String pipelineFilter, Map<String, LedgerEntry> ledger) {
    Lineage g = new Lineage();
    Map<String, Node> datasets = new LinkedHashMap<>();
    Map<String, String> datasetState = new HashMap<>();
    List<Node> activities = new ArrayList<>();
    for (Pipeline p : factory.pipelines()) {
      if (pipelineFilter != null && !p.name().equalsIgnoreCase(pipelineFilter)) {
        continue;
      }
      for (Activity a : p.activities()) {
        String state = activityState(p.name(), a.name(), ledger);
        String id = "a_" + safe(p.name()) + "_" + safe(a.name());
        activities.add(new Node(id, p.name() + "/" + a.name(), "activity", a.type()
            + (p.isPaused() ? " (paused)" : ""), state));
        for (DatasetRef in : a.inputs()) {
          datasets.computeIfAbsent(in.name(), n -> datasetNode(factory, n));
          g.edges.add(new Edge("d_" + safe(in.name()), id));
        }
        for (DatasetRef out : a.outputs()) {
          datasets.computeIfAbsent(out.name(), n -> datasetNode(factory, n));
          g.edges.add(new Edge(id, "d_" + safe(out.name())));
          if (state != null) {
            datasetState.merge(out.name(), state, Lineage::worse);
          }
        }
      }
    }
    datasets.forEach((name, n) -> g.nodes.add(new Node(n.id(), n.label(), n.kind(), n.detail(),
        datasetState.get(name))));
    g.nodes.addAll(activities);
    return g;
  }

  private static Node datasetNode(Factory factory, String name) {
    String detail = factory.dataset(name)
        .map(d -> d.type() + (d.external() ? " (external)" : "")).orElse("unknown dataset");
    return new Node("d_" + safe(name), factory.dataset(name).map(Dataset::name).orElse(name),
        "dataset", detail, null);
  }

  private static final List<String> SEVERITY = List.of("Ready", "Skipped", "Waiting", "InProgress",
      "TimedOut", "Failed");

  static String worse(String a, String b) {
    return SEVERITY.indexOf(a) >= SEVERITY.indexOf(b) ? a : b;
  }

  private static String activityState(String pipeline, String activity, Map<String, LedgerEntry> ledger) {
    String state = null;
    for (LedgerEntry e : ledger.values()) {
      if (e.pipeline().equalsIgnoreCase(pipeline) && e.activity().equalsIgnoreCase(activity)) {
        String s = e.state().adfName();
        state = state == null ? s : worse(state, s);
      }
    }
    return state;
  }

  static String safe(String name) {
    return name.replaceAll("[^A-Za-z0-9_]", "_");
  }

  private static final Map<String, String> COLORS = Map.of("Ready", "#9be29b", "Failed", "#f28b82",
      "TimedOut", "#f6ae6b", "InProgress", "#8ab4f8", "Waiting", "#e8eaed", "Skipped", "#d7aefb");

  static String color(String state) {
    return state == null ? "#ffffff" : COLORS.getOrDefault(state, "#ffffff");
  }

  String mermaid() {
    StringBuilder sb = new StringBuilder("flowchart LR\n");
    for (Node n : nodes) {
      String label = (n.label() + (n.state() == null ? "" : " · " + n.state())).replace("\"", "#quot;");
      sb.append("  ").append(n.id()).append(n.kind().equals("dataset") ? "[(\"" : "[\"").append(label)
          .append(n.kind().equals("dataset") ? "\")]" : "\"]").append('\n');
    }
    for (Edge e : edges) {
      sb.append("  ").append(e.from()).append(" --> ").append(e.to()).append('\n');
    }
    for (RunState s : RunState.values()) {
      List<String> ids = nodes.stream().filter(n -> s.adfName().equals(n.state())).map(Node::id).toList();
      if (!ids.isEmpty()) {
        sb.append("  classDef ").append(s.adfName()).append(" fill:").append(color(s.adfName())).append('\n');
        sb.append("  class ").append(String.join(",", ids)).append(' ').append(s.adfName()).append('\n');
      }
    }
    return sb.toString().stripTrailing();
  }

  String dot() {
    StringBuilder sb = new StringBuilder("digraph lineage {\n  rankdir=LR;\n");
    for (Node n : nodes) {
      sb.append("  \"").append(n.id()).append("\" [label=\"").append(dotEscape(n.label()))
          .append("\\n").append(dotEscape(n.state() == null ? n.detail() : n.detail() + ", " + n.state()))
          .append("\", shape=").append(n.kind().equals("dataset") ? "cylinder" : "box");
      if (n.state() != null) {
        sb.append(", style=filled, fillcolor=\"").append(color(n.state())).append('"');
      }
      sb.append("];\n");
    }
    for (Edge e : edges) {
      sb.append("  \"").append(e.from()).append("\" -> \"").append(e.to()).append("\";\n");
    }
    return sb.append('}').toString();
  }

  private static String dotEscape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /** A self-contained page: the graph drawn as inline SVG, layered left to right; script inline. */
  String html(String title) {
    Map<String, Integer> layer = new HashMap<>();
    nodes.forEach(n -> layer.put(n.id(), 0));
    for (int round = 0; round < nodes.size(); round++) {
      boolean changed = false;
      for (Edge e : edges) {
        int want = layer.getOrDefault(e.from(), 0) + 1;
        if (layer.getOrDefault(e.to(), 0) < want && want <= nodes.size()) {
          layer.put(e.to(), want);
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
    }
    Map<Integer, Integer> rows = new HashMap<>();
    Map<String, int[]> at = new HashMap<>();
    int w = 190;
    int h = 54;
    int maxX = 0;
    int maxY = 0;
    for (Node n : nodes) {
      int l = layer.get(n.id());
      int row = rows.merge(l, 1, Integer::sum) - 1;
      int x = 20 + l * (w + 70);
      int y = 20 + row * (h + 30);
      at.put(n.id(), new int[] {x, y});
      maxX = Math.max(maxX, x + w + 20);
      maxY = Math.max(maxY, y + h + 20);
    }
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg id=\"lineage\" xmlns=\"http://www.w3.org/2000/svg\""
        + " width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">%n", maxX, maxY, maxX, maxY));
    svg.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\""
        + " markerHeight=\"8\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker></defs>\n");
    for (Edge e : edges) {
      int[] a = at.get(e.from());
      int[] b = at.get(e.to());
      svg.append(String.format(Locale.ROOT, "<path class=\"edge\" data-from=\"%s\" data-to=\"%s\""
          + " d=\"M%d,%d C%d,%d %d,%d %d,%d\" fill=\"none\" stroke=\"#555\" marker-end=\"url(#arrow)\"/>%n",
          e.from(), e.to(), a[0] + w, a[1] + h / 2, a[0] + w + 35, a[1] + h / 2, b[0] - 35, b[1] + h / 2,
          b[0], b[1] + h / 2));
    }
    for (Node n : nodes) {
      int[] p = at.get(n.id());
      boolean dataset = n.kind().equals("dataset");
      svg.append(String.format(Locale.ROOT, "<g class=\"node %s\" id=\"%s\" data-state=\"%s\">"
          + "<title>%s</title><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"%d\" fill=\"%s\""
          + " stroke=\"#333\"/><text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>"
          + "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text></g>%n",
          n.kind(), n.id(), n.state() == null ? "" : n.state(),
          esc(n.kind() + " " + n.label() + (n.state() == null ? "" : ": " + n.state())),
          p[0], p[1], w, h, dataset ? 18 : 4, color(n.state()), p[0] + 10, p[1] + 22,
          esc(clip(n.label())), p[0] + 10, p[1] + 40,
          esc(clip(n.state() == null ? n.detail() : n.detail() + " · " + n.state()))));
    }
    svg.append("</svg>");
    StringBuilder legend = new StringBuilder();
    for (RunState s : RunState.values()) {
      legend.append(String.format("<span class=\"key\" style=\"background:%s\">%s</span> ",
          color(s.adfName()), s.adfName()));
    }
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title)
        + "</title>\n<style>body{font-family:sans-serif;margin:16px}text{font-family:sans-serif;"
        + "font-size:13px}.key{padding:2px 8px;border:1px solid #999;margin-right:4px}"
        + ".node{cursor:pointer}.dim{opacity:.25}</style></head>\n<body><h1>" + esc(title) + "</h1>\n"
        + "<p>" + legend + "</p>\n<p id=\"info\">Click a node to highlight what it reads and writes.</p>\n"
        + svg + "\n<script>\n"
        + "(function(){var nodes=document.querySelectorAll('.node'),edges=document.querySelectorAll('.edge');\n"
        + "document.body.setAttribute('data-nodes',nodes.length);\n"
        + "nodes.forEach(function(n){n.addEventListener('click',function(){var id=n.id,keep={};keep[id]=1;\n"
        + "edges.forEach(function(e){var f=e.dataset.from,t=e.dataset.to,on=f===id||t===id;"
        + "e.classList.toggle('dim',!on);if(on){keep[f]=1;keep[t]=1;}});\n"
        + "nodes.forEach(function(m){m.classList.toggle('dim',!keep[m.id]);});\n"
        + "document.getElementById('info').textContent=n.querySelector('title').textContent;});});})();\n"
        + "</script>\n</body></html>\n";
  }

  private static String clip(String s) {
    return s.length() <= 26 ? s : s.substring(0, 25) + "…";
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
