package se.socialportal.casework.delegation;

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
 * Where casework's robots/ files are read from: ./robots when it exists (development: edit, restart), else the copy
 * packed into the jar (opened as a zip file system; close after loading). Kept small on purpose: when the shared
 * rule-book loader (se.socialportal.rules) is on main, casework's kinds move into it and this class goes away.
 */
public final class RobotsRoot implements AutoCloseable {

  private static final String MARKER = "robots/schemas/delegation.schema.json";

  private final Path root;
  private final String displayName;
  private final FileSystem opened;

  private RobotsRoot(Path root, String displayName, FileSystem opened) {
    this.root = root;
    this.displayName = displayName;
    this.opened = opened;
  }

  public static RobotsRoot locate() {
    Path local = Path.of("robots");
    if (Files.isRegularFile(local.resolve("schemas/delegation.schema.json"))) {
      return directory(local);
    }
    URL marker = RobotsRoot.class.getClassLoader().getResource(MARKER);
    if (marker == null) {
      throw new CaseworkRulesException("no robots/ folder: neither ./robots nor the classpath has " + MARKER);
    }
    try {
      URI uri = marker.toURI();
      if ("jar".equals(uri.getScheme())) {
        String spec = uri.getRawSchemeSpecificPart();
        Path jar = Path.of(new URI(spec.substring(0, spec.indexOf("!/"))));
        FileSystem zip = FileSystems.newFileSystem(jar);
        return new RobotsRoot(zip.getPath("/robots"), jar.getFileName() + "!/robots", zip);
      }
      Path dir = Path.of(uri).getParent().getParent();
      return new RobotsRoot(dir, dir.toString(), null);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot resolve " + marker, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the jar holding " + marker, e);
    }
  }

  public static RobotsRoot directory(Path dir) {
    return new RobotsRoot(dir, dir.toString(), null);
  }

  public Path path() {
    return root;
  }

  /** How a file is named in a problem message: robots/ plus the path inside it. */
  public String nameOf(Path file) {
    return "robots/" + root.relativize(file).toString().replace('\\', '/');
  }

  public String displayName() {
    return displayName;
  }

  @Override
  public void close() {
    if (opened != null) {
      try {
        opened.close();
      } catch (IOException ignored) {
        // A read-only zip file system: nothing to lose.
      }
    }
  }
}
