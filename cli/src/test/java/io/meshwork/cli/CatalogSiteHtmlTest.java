package io.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every page of every built site is valid HTML for the Nu Html Checker (vnu, run in a child JVM over the test class
 * path), every link and resource inside the site resolves to a file (and anchor), and nothing is loaded from
 * elsewhere.
 */
class CatalogSiteHtmlTest {

  private static final Pattern REFERENCE = Pattern.compile("(href|src)=\"([^\"]*)\"");

  private static List<Path> everyPage() {
    List<Path> pages = new ArrayList<>();
    BuiltSites.all().values().forEach(site -> pages.addAll(BuiltSites.pages(site)));
    return pages;
  }

  @Test
  void everyPageIsValidHtml() throws IOException, InterruptedException {
    List<Path> pages = everyPage();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "nu.validator.client.SimpleCommandLineValidator",
        "--errors-only", "--format", "gnu"));
    pages.forEach(page -> command.add(page.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();

    List<String> errors = output.lines().filter(line -> line.contains(": error:")).toList();
    assertThat(pages).hasSizeGreaterThan(60);
    assertThat(errors).as(output).isEmpty();
    assertThat(process.exitValue()).as(output).isZero();
  }

  @Test
  void everyLinkInsideASiteResolvesAndNothingComesFromElsewhere() throws IOException {
    int links = 0;
    for (Path page : everyPage()) {
      String html = Files.readString(page);
      Matcher matcher = REFERENCE.matcher(html);
      while (matcher.find()) {
        String target = matcher.group(2).replace("&amp;", "&");
        URI uri = URI.create(target);
        if (uri.getScheme() != null) {
          assertThat(matcher.group(1)).as(page + ": " + target).isEqualTo("href");
          assertThat(html).as(page + ": only annotation links leave the site").contains("class=\"external\" href=\""
              + matcher.group(2) + "\"");
          continue;
        }
        links++;
        Path file = uri.getPath().isEmpty() ? page : page.getParent().resolve(uri.getPath()).normalize();
        assertThat(file).as(page + " links " + target).isRegularFile();
        if (uri.getFragment() != null) {
          assertThat(Files.readString(file)).as(page + " links " + target).contains("id=\"" + uri.getFragment()
              + "\"");
        }
      }
    }
    assertThat(links).isGreaterThan(1000);
  }
}
