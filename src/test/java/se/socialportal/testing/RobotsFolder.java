package se.socialportal.testing;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of robots/ in a temporary folder that a test may change: leave out every yearly file that starts after a
 * given year (so "next year's rules are not published yet" stays true whatever rules the project has by then), add a
 * file, or break one. The server or a CurrentRuleBook then reads the copy.
 */
public final class RobotsFolder {

  private final Path root;

  private RobotsFolder(Path root) {
    this.root = root;
  }

  /** robots/ as it is, minus every rule file whose effectiveFrom lies after {@code lastYear}. */
  public static RobotsFolder upTo(int lastYear) {
    try {
      Path target = Files.createTempDirectory("robots");
      Path source = Path.of("robots");
      try (Stream<Path> files = Files.walk(source)) {
        for (Path file : files.toList()) {
          Path copy = target.resolve(source.relativize(file).toString());
          if (Files.isDirectory(file)) {
            Files.createDirectories(copy);
          } else if (!startsAfter(file, lastYear)) {
            Files.copy(file, copy);
          }
        }
      }
      return new RobotsFolder(target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path root() {
    return root;
  }

  /** Writes a file (path relative to robots/), as an operator would drop it in. */
  public RobotsFolder write(String relative, String content) {
    try {
      Path file = root.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An existing file of the copy, e.g. to base next year's file on this year's. */
  public JsonObject read(String relative) {
    try {
      return new JsonObject(Files.readString(root.resolve(relative)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public RobotsFolder delete(String relative) {
    try {
      Files.delete(root.resolve(relative));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A year's riksnorm and prisbasbelopp made from an existing year's, with new versions and periods. The amounts are
   * the old year's: a test fixture, standing in for figures the government has not decided (never written to the
   * project's robots/).
   */
  public RobotsFolder nationalYearLike(int fromYear, int newYear) {
    for (String kind : List.of("riksnorm", "prisbasbelopp")) {
      JsonObject json = read(kind + "/" + kind + "-" + fromYear + ".json");
      json.put("version", kind + "-" + newYear + "-test").put("effectiveFrom", newYear + "-01-01")
        .put("effectiveTo", newYear + "-12-31");
      if (json.containsKey("year")) {
        json.put("year", newYear);
      }
      write(kind + "/" + kind + "-" + newYear + ".json", json.encodePrettily());
    }
    return this;
  }

  private static boolean startsAfter(Path file, int lastYear) {
    if (!file.toString().endsWith(".json") || file.toString().contains("schemas")) {
      return false;
    }
    try {
      String from = new JsonObject(Files.readString(file)).getString("effectiveFrom");
      return from != null && LocalDate.parse(from).getYear() > lastYear;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
