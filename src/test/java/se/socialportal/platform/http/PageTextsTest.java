package se.socialportal.platform.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every text key a page uses — in its HTML, in the layout parts it includes, and in every module it imports, directly
 * or through other modules — exists in every language file that claims the page in webroot/i18n/languages.json
 * ({@code "pages": "all"} or a list of page paths). Swedish, the language the HTML is written in, is the reference:
 * it claims every page, and a language that claims every page has exactly its keys.
 *
 * <p>Keys are found where they are written out: {@code data-i18n="…"}, {@code data-i18n-attr="attr:…"}, {@code t('…')},
 * {@code label: '…'} and the like, and any string literal that is a Swedish key (keys also travel as arguments). A key
 * built at run time is found by its family, the prefix written with its dot ({@code 'incomeType.'},
 * {@code `status.${…}`}, {@code 'role.' + …}), and a language that claims the page must have the whole family. The
 * family {@code field.} names the server's field error codes: a language the server does not speak needs a text for
 * each of them.
 */
@DisplayName("Page texts: every key a page uses is in every language that claims the page")
class PageTextsTest {

  private static final Path WEBROOT = Path.of("webroot");
  private static final String REFERENCE = "sv";
  private static final String KEY = "[a-z][A-Za-z]*(?:\\.[A-Za-z_]+)*";
  private static final String DOTTED_KEY = "[a-z][A-Za-z]*(?:\\.[A-Za-z_]+)+";
  private static final Pattern HTML_KEY = Pattern.compile("data-i18n=\"(" + KEY + ")\"");
  private static final Pattern HTML_ATTRIBUTE_KEYS = Pattern.compile("data-i18n-attr=\"([^\"]+)\"");
  private static final Pattern JS_KEY = Pattern.compile(
    "(?:\\bt\\(|\\b(?:i18n|label|legend|hint|suffix)\\s*:|'data-i18n'\\s*:|\\.dataset\\.i18n\\s*=)\\s*['\"`](" + KEY + ")['\"`]");
  private static final Pattern JS_LITERAL = Pattern.compile("['\"`](" + DOTTED_KEY + ")['\"`]");
  private static final Pattern JS_FAMILY = Pattern.compile("['\"`]([a-z][A-Za-z]*(?:\\.[A-Za-z_]+)*\\.)(?:['\"]|\\$\\{)");
  private static final Pattern MODULE_SCRIPT = Pattern.compile("<script\\s[^>]*type=\"module\"[^>]*\\ssrc=\"([^\"]+)\"");
  private static final Pattern COMMENT = Pattern.compile("(?s)/\\*.*?\\*/|(?m)^[ \\t]*//[^\\n]*");
  private static final Pattern IMPORT = Pattern.compile("(?:\\bimport|\\bexport)\\s[^;]*?\\bfrom\\s*'([^']+)'|\\bimport\\s*'([^']+)'");

  /** What a page uses: keys written out, key-shaped literals, and families of keys built at run time. */
  record Page(String path, Set<String> keys, Set<String> literals, Set<String> families) {

    boolean uses(String key) {
      return keys.contains(key) || literals.contains(key) || families.stream().anyMatch(key::startsWith);
    }
  }

  private static final Set<String> APPLICATION_STATUSES = Set.of("draft", "awaiting_cosignature", "submitted",
    "under_review", "komplettering_requested", "decided", "paid", "payment_failed", "withdrawn");

  @Test
  @DisplayName("every page's keys are in sv, en and every other language that claims the page")
  void everyLanguageHasThePagesItClaims() throws IOException {
    Set<String> serverFieldCodes = Messages.bundle("sv").stringPropertyNames().stream()
      // The login page's device choice is the only field code outside a form: its page shows the server's message.
      .filter(key -> key.startsWith("field.") && !key.startsWith("field.bankid")).collect(Collectors.toSet());
    assertEquals(List.of(), problems(WEBROOT, serverFieldCodes, Messages.LANGUAGES));
  }

  @Test
  @DisplayName("the scan sees through the layout's includes and the modules' imports")
  void theScanFindsTheKeys() throws IOException {
    Map<String, Page> pages = new LinkedHashMap<>();
    pages(WEBROOT).forEach(page -> pages.put(page.path(), page));
    assertEquals(Set.of("/", "/logga-in/", "/mina-sidor/", "/mina-sidor/arende/", "/mina-sidor/konto/", "/ansokan/",
      "/provrakning/", "/handlaggare/", "/handlaggare/arende/", "/handlaggare/beslut/", "/handlaggare/registrera/",
      "/handlaggare/attest/", "/handlaggare/utbetalningar/", "/familjeratt/", "/familjeratt/boka/",
      "/familjeratt/bokning/", "/handlaggare/familjeratt/", "/handlaggare/start/", "/handlaggare/franvaro/",
      "/handlaggare/rapporter/loggkontroll/", "/handlaggare/rapporter/delegationsbeslut/",
      "/handlaggare/rapporter/stickprov/", "/mina-sidor/overklagande/", "/handlaggare/overklaganden/",
      "/handlaggare/utskrift/", "/admin/", "/admin/nyckeltal/", "/admin/ivo/"), pages.keySet());
    for (Page page : pages.values()) {
      assertTrue(page.keys().containsAll(Set.of("skip", "language.choose")), page.path() + ": the header's keys");
    }
    Page form = pages.get("/ansokan/");
    assertTrue(form.keys().containsAll(Set.of("errors.heading", "sign.failed", "step.review")), "modules imported by modules");
    assertTrue(form.families().containsAll(Set.of("incomeType.", "field.", "step.", "sign.refused.")), form.families().toString());
    assertTrue(pages.get("/handlaggare/registrera/").families().contains("housingType."), "the staff page uses the form's parts");
    assertTrue(pages.get("/handlaggare/arende/").families().contains("staff.status."));
    assertTrue(pages.get("/handlaggare/attest/").families().contains("staff.attest.blocker."), "the attest list's reasons");
    assertTrue(pages.get("/mina-sidor/").keys().contains("payments.state.paid"), "Mina sidor imports the payments part");
    assertTrue(pages.get("/mina-sidor/").families().contains("familjeratt.status."), "Mina sidor's familjerätt section");
  }

  @Test
  @DisplayName("a language that offers the application form offers every page a resident passes through")
  void residentPagesTogether() throws IOException {
    JsonObject manifest = json(WEBROOT.resolve("i18n/languages.json"));
    List<String> residentPages = List.of("/", "/logga-in/", "/mina-sidor/", "/mina-sidor/arende/", "/ansokan/",
      "/provrakning/");
    List<String> gaps = new ArrayList<>();
    for (String code : manifest.fieldNames()) {
      Object claim = manifest.getJsonObject(code).getValue("pages");
      if ("all".equals(claim)) {
        continue;
      }
      JsonArray pages = claim instanceof JsonArray list ? list : new JsonArray();
      if (pages.contains("/ansokan/")) {
        residentPages.stream().filter(page -> !pages.contains(page)).forEach(page -> gaps.add(code + " lacks " + page));
      }
    }
    assertEquals(List.of(), gaps, "a resident who applies in a language logs in, follows the case and estimates in it too");
    assertTrue(manifest.containsKey("ar"), "Arabic is offered");
  }

  @Test
  @DisplayName("every application status has its name and next step for residents, and its name for staff")
  void statuses() throws IOException {
    JsonObject reference = json(WEBROOT.resolve("i18n/" + REFERENCE + ".json"));
    for (String status : APPLICATION_STATUSES) {
      for (String family : List.of("status.", "next.", "staff.status.")) {
        assertTrue(reference.containsKey(family + status), REFERENCE + ".json lacks " + family + status);
      }
    }
  }

  @Test
  @DisplayName("the check names a missing key, a missing family member, an unused key, a stray file and a wrong claim")
  void theCheckFindsGaps(@TempDir Path webroot) throws IOException {
    write(webroot, "i18n/languages.json", """
      {"sv": {"name": "På svenska", "pages": "all"}, "xx": {"name": "Xx", "pages": ["/a/", "/nowhere/"]}}""");
    write(webroot, "i18n/sv.json", """
      {"skip": "Hoppa", "a.title": "A", "kind.one": "1", "kind.two": "2", "old.text": "gammal"}""");
    write(webroot, "i18n/xx.json", """
      {"skip": "Skip", "kind.one": "1", "field.required": "!", "typo.key": "?"}""");
    write(webroot, "i18n/yy.json", "{}");
    write(webroot, "layout/header.html", "<a href=\"#main\" data-i18n=\"skip\">Hoppa</a>");
    write(webroot, "a/index.html", """
      <!--#include virtual="/layout/header.html" -->
      <h1 data-i18n="a.title">A</h1><script type="module" src="/js/a.js"></script>""");
    write(webroot, "js/a.js", "import { kind } from './lib/b.js';\nshow(t('a.title'));\n");
    write(webroot, "js/lib/b.js", "export const kind = (k) => t(`kind.${k}`) + t('a.missing');\n");
    assertEquals(List.of(
      "yy.json is not in languages.json",
      "sv.json lacks a.missing (/a/)",
      "sv.json has old.text, which no page uses",
      "languages.json: xx claims /nowhere/, which is not a page",
      "xx.json lacks a.missing (/a/)",
      "xx.json lacks a.title (/a/)",
      "xx.json lacks kind.two (/a/)",
      "xx.json has typo.key, which sv.json does not have"), problems(webroot, Set.of("field.required"), List.of("sv")));
  }

  /** Everything wrong with the texts of the pages under webroot, one line each; empty when all is well. */
  static List<String> problems(Path webroot, Collection<String> serverFieldCodes, Collection<String> serverLanguages)
    throws IOException {
    Path texts = webroot.resolve("i18n");
    JsonObject manifest = json(texts.resolve("languages.json"));
    List<String> problems = new ArrayList<>();
    try (Stream<Path> files = Files.list(texts)) {
      files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".json") && !name.equals("languages.json"))
        .sorted().filter(name -> !manifest.containsKey(name.substring(0, name.length() - 5)))
        .forEach(name -> problems.add(name + " is not in languages.json"));
    }
    List<Page> pages = pages(webroot);
    JsonObject reference = json(texts.resolve(REFERENCE + ".json"));
    if (!"all".equals(manifest.getJsonObject(REFERENCE).getValue("pages"))) {
      problems.add("languages.json: " + REFERENCE + " is the language of the HTML and must claim all pages");
    }
    for (String code : manifest.fieldNames()) {
      JsonObject dictionary = json(texts.resolve(code + ".json"));
      Object claim = manifest.getJsonObject(code).getValue("pages");
      List<Page> claimed = claimed(code, claim, pages, problems);
      Set<String> missing = new TreeSet<>();
      for (Page page : claimed) {
        Set<String> needed = new TreeSet<>(page.keys());
        page.literals().stream().filter(reference::containsKey).forEach(needed::add);
        for (String family : page.families()) {
          Stream<String> members = family.equals("field.") && !serverLanguages.contains(code)
            ? serverFieldCodes.stream() : reference.fieldNames().stream().filter(key -> key.startsWith(family));
          members.forEach(needed::add);
        }
        needed.stream().filter(key -> !dictionary.containsKey(key)).forEach(key -> missing.add(key + " (" + page.path() + ")"));
      }
      missing.forEach(gap -> problems.add(code + ".json lacks " + gap));
      if (code.equals(REFERENCE)) {
        reference.fieldNames().stream().sorted().filter(key -> pages.stream().noneMatch(page -> page.uses(key)))
          .forEach(key -> problems.add(REFERENCE + ".json has " + key + ", which no page uses"));
        continue;
      }
      boolean all = "all".equals(claim);
      reference.fieldNames().stream().sorted().filter(key -> all && !dictionary.containsKey(key))
        .forEach(key -> problems.add(code + ".json lacks " + key + ", which " + REFERENCE + ".json has"));
      dictionary.fieldNames().stream().sorted()
        .filter(key -> !reference.containsKey(key) && !serverFieldCodes.contains(key))
        .forEach(key -> problems.add(code + ".json has " + key + ", which " + REFERENCE + ".json does not have"));
    }
    return problems;
  }

  private static List<Page> claimed(String code, Object claim, List<Page> pages, List<String> problems) {
    if ("all".equals(claim)) {
      return pages;
    }
    Set<String> paths = new HashSet<>();
    for (Object path : claim instanceof JsonArray list ? list : new JsonArray()) {
      if (pages.stream().noneMatch(page -> page.path().equals(path))) {
        problems.add("languages.json: " + code + " claims " + path + ", which is not a page");
      }
      paths.add(String.valueOf(path));
    }
    return pages.stream().filter(page -> paths.contains(page.path())).toList();
  }

  /** Every .html file outside layout/, with the parts it includes and the modules it loads, followed through imports. */
  static List<Page> pages(Path webroot) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(webroot)) {
      files = walk.filter(file -> file.toString().endsWith(".html") && !file.startsWith(webroot.resolve("layout")))
        .sorted().toList();
    }
    List<Page> pages = new ArrayList<>();
    for (Path file : files) {
      String html = PageLayout.expand(read(file), part -> read(webroot.resolve(part.substring(1))));
      Page page = new Page(pagePath(webroot, file), new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
      all(HTML_KEY, html).forEach(page.keys()::add);
      for (String pairs : all(HTML_ATTRIBUTE_KEYS, html)) {
        for (String pair : pairs.split(";")) {
          page.keys().add(pair.substring(pair.indexOf(':') + 1).trim());
        }
      }
      Deque<Path> modules = new ArrayDeque<>();
      all(MODULE_SCRIPT, html).forEach(src -> modules.add(webroot.resolve(src.substring(1))));
      Set<Path> seen = new HashSet<>();
      while (!modules.isEmpty()) {
        Path module = modules.pop().normalize();
        if (!seen.add(module)) {
          continue;
        }
        // Comments may name keys by way of example; only code counts.
        String code = COMMENT.matcher(read(module)).replaceAll("");
        all(JS_KEY, code).forEach(page.keys()::add);
        all(JS_LITERAL, code).forEach(page.literals()::add);
        all(JS_FAMILY, code).forEach(page.families()::add);
        // Libraries served from their webjars (/vendor/) carry no texts of ours.
        all(IMPORT, code).stream().filter(target -> !target.startsWith("/vendor/"))
          .forEach(target -> modules.add(target.startsWith("/") ? webroot.resolve(target.substring(1))
            : module.getParent().resolve(target)));
      }
      pages.add(page);
    }
    return pages;
  }

  /** The page's address: /ansokan/ for ansokan/index.html. */
  private static String pagePath(Path webroot, Path file) {
    String relative = webroot.relativize(file).toString().replace('\\', '/');
    if (relative.equals("index.html")) {
      return "/";
    }
    return "/" + (relative.endsWith("/index.html") ? relative.substring(0, relative.length() - "index.html".length()) : relative);
  }

  /** Every match's first group that matched (patterns with alternatives capture in one of several groups). */
  private static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      for (int group = 1; group <= matcher.groupCount(); group++) {
        if (matcher.group(group) != null) {
          found.add(matcher.group(group));
          break;
        }
      }
    }
    return found;
  }

  private static JsonObject json(Path file) {
    return new JsonObject(read(file));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path root, String name, String text) throws IOException {
    Path file = root.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
