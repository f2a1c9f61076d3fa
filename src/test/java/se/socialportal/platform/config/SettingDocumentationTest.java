package se.socialportal.platform.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("README.md documents every configuration key")
class SettingDocumentationTest {

  @Test
  void everySettingHasARowInTheReadme() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    for (Setting setting : Setting.values()) {
      assertTrue(readme.contains("| `" + setting.name() + "` |"), "README.md has no row for " + setting.name());
    }
  }
}
