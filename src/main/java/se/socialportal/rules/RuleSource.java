package se.socialportal.rules;

import se.socialportal.platform.config.ConfigException;
import se.socialportal.platform.config.Setting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where robots/ is read from: the configured folder, else ./robots when it exists (development: edit a rule, restart),
 * else the copy packed into the jar. Close it after loading; a jar is opened as a zip file system.
 */
public final class RuleSource implements AutoCloseable {

  /** A file every robots/ has; used to find the classpath copy. */
  private static final String MARKER = "robots/schemas/common.schema.json";

  private final Path root;
  private final String displayName;
  private final FileSystem openedFileSystem;

  private RuleSource(Path root, String displayName, FileSystem openedFileSystem) {
    this.root = root;
    this.displayName = displayName;
    this.openedFileSystem = openedFileSystem;
  }

  /** ROBOTS_DIR's value: a folder, or empty for ./robots or the classpath copy. */
  public static RuleSource configured(String robotsDir) {
    if (!robotsDir.isBlank()) {
      Path dir = Path.of(robotsDir.trim());
      if (!Files.isDirectory(dir)) {
        throw new ConfigException(Setting.ROBOTS_DIR.name(), "folder '" + robotsDir + "' does not exist");
      }
      return directory(dir);
    }
    Path local = Path.of("robots");
    return Files.isDirectory(local) ? directory(local) : classpath(RuleSource.class.getClassLoader());
  }

  public static RuleSource directory(Path dir) {
    return new RuleSource(dir, dir.toString(), null);
  }

  /** The robots/ folder on the classpath: target/classes in a build, inside the jar in production. */
  public static RuleSource classpath(ClassLoader loader) {
    URL marker = loader.getResource(MARKER);
    if (marker == null) {
      throw new ConfigException(Setting.ROBOTS_DIR.name(),
        "no rules found: ROBOTS_DIR is empty, ./robots does not exist and the classpath has no robots/");
    }
    try {
      URI uri = marker.toURI();
      if ("jar".equals(uri.getScheme())) {
        String spec = uri.getRawSchemeSpecificPart();
        Path jar = Path.of(new URI(spec.substring(0, spec.indexOf("!/"))));
        FileSystem zip = FileSystems.newFileSystem(jar);
        return new RuleSource(zip.getPath("/robots"), jar.getFileName() + "!/robots", zip);
      }
      Path file = Path.of(uri);
      Path dir = file.getParent().getParent();
      return new RuleSource(dir, dir.toString(), null);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot resolve " + marker, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the jar holding " + marker, e);
    }
  }

  public Path root() {
    return root;
  }

  /** How to name a file in a message: the source plus the path inside robots/. */
  public String nameOf(Path file) {
    return displayName + "/" + root.relativize(file).toString().replace('\\', '/');
  }

  /** The folder the rules were read from; empty for the jar's copy, which cannot change while the server runs. */
  public java.util.Optional<Path> folder() {
    return openedFileSystem == null ? java.util.Optional.of(root) : java.util.Optional.empty();
  }

  public String displayName() {
    return displayName;
  }

  @Override
  public void close() {
    if (openedFileSystem != null) {
      try {
        openedFileSystem.close();
      } catch (IOException ignored) {
        // Read-only zip file system; nothing to lose.
      }
    }
  }
}
