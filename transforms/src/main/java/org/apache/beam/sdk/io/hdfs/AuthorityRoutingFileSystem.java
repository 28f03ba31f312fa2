package org.apache.beam.sdk.io.hdfs;

import io.adfbeam.transforms.stores.HadoopStores;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.beam.sdk.io.FileSystem;
import org.apache.beam.sdk.io.fs.CreateOptions;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;

/**
 * One Beam file system for a Hadoop scheme that hands each path to a {@link HadoopFileSystem} made
 * with the configuration of the path's store (its authority), from {@link HadoopStores}.
 */
final class AuthorityRoutingFileSystem extends FileSystem<HadoopResourceId> {
  private final String scheme;
  private final Map<String, HadoopFileSystem> byStore = new ConcurrentHashMap<>();

  AuthorityRoutingFileSystem(String scheme) {
    this.scheme = scheme;
  }

  /** The file system of the store a path or glob ({@code scheme://authority/...}) is on. */
  private HadoopFileSystem forSpec(String spec) {
    int start = spec.indexOf("://");
    String key = scheme + "://";
    if (start > 0) {
      int end = spec.indexOf('/', start + 3);
      key = spec.substring(0, end < 0 ? spec.length() : end).toLowerCase(Locale.ROOT);
    }
    return byStore.computeIfAbsent(key, k -> new HadoopFileSystem(scheme,
        HadoopStores.configuration(URI.create(k + "/"))));
  }

  private HadoopFileSystem forResource(HadoopResourceId id) {
    return forSpec(id.toString());
  }

  @Override
  protected List<MatchResult> match(List<String> specs) throws IOException {
    List<MatchResult> results = new ArrayList<>();
    for (String spec : specs) {
      results.addAll(forSpec(spec).match(List.of(spec)));
    }
    return results;
  }

  @Override
  protected WritableByteChannel create(HadoopResourceId id, CreateOptions options)
      throws IOException {
    return forResource(id).create(id, options);
  }

  @Override
  protected ReadableByteChannel open(HadoopResourceId id) throws IOException {
    return forResource(id).open(id);
  }

  @Override
  protected void copy(List<HadoopResourceId> from, List<HadoopResourceId> to) throws IOException {
    for (Map.Entry<HadoopFileSystem, List<List<HadoopResourceId>>> e : pairs(from, to).entrySet()) {
      e.getKey().copy(e.getValue().get(0), e.getValue().get(1));
    }
  }

  @Override
  protected void rename(List<HadoopResourceId> from, List<HadoopResourceId> to,
      MoveOptions... options) throws IOException {
    for (Map.Entry<HadoopFileSystem, List<List<HadoopResourceId>>> e : pairs(from, to).entrySet()) {
      e.getKey().rename(e.getValue().get(0), e.getValue().get(1), options);
    }
  }

  /** Source and destination lists grouped by store; both sides of a pair on one store. */
  private Map<HadoopFileSystem, List<List<HadoopResourceId>>> pairs(List<HadoopResourceId> from,
      List<HadoopResourceId> to) throws IOException {
    Map<HadoopFileSystem, List<List<HadoopResourceId>>> grouped = new LinkedHashMap<>();
    for (int i = 0; i < from.size(); i++) {
      HadoopFileSystem source = forResource(from.get(i));
      if (source != forResource(to.get(i))) {
        throw new IOException("cannot move " + from.get(i) + " to " + to.get(i)
            + ": they are on different stores");
      }
      List<List<HadoopResourceId>> lists = grouped.computeIfAbsent(source,
          k -> List.of(new ArrayList<>(), new ArrayList<>()));
      lists.get(0).add(from.get(i));
      lists.get(1).add(to.get(i));
    }
    return grouped;
  }

  @Override
  protected void delete(Collection<HadoopResourceId> ids) throws IOException {
    Map<HadoopFileSystem, List<HadoopResourceId>> grouped = new LinkedHashMap<>();
    for (HadoopResourceId id : ids) {
      grouped.computeIfAbsent(forResource(id), k -> new ArrayList<>()).add(id);
    }
    for (Map.Entry<HadoopFileSystem, List<HadoopResourceId>> e : grouped.entrySet()) {
      e.getKey().delete(e.getValue());
    }
  }

  @Override
  protected HadoopResourceId matchNewResource(String spec, boolean isDirectory) {
    return forSpec(spec).matchNewResource(spec, isDirectory);
  }

  @Override
  protected String getScheme() {
    return scheme;
  }
}
