package nl.geboorteketen.benchmark.chain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.geboorteketen.benchmark.FhirClient;

/**
 * A GET (read or search) with {{name}} placeholders in its path filled from the family. A search
 * that must find something fails when the answer bundle is empty.
 */
public class ReadStep implements Step {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

  private final String name;
  private final String pathTemplate;
  private final boolean mustFind;

  public ReadStep(String name, String pathTemplate, boolean mustFind) {
    this.name = name;
    this.pathTemplate = pathTemplate;
    this.mustFind = mustFind;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean run(Family family, FhirClient client) {
    Matcher m = PLACEHOLDER.matcher(pathTemplate);
    StringBuilder path = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(path, Matcher.quoteReplacement(family.get(m.group(1))));
    }
    m.appendTail(path);
    FhirClient.Response r = client.get(name, path.toString());
    return r.ok() && (!mustFind || r.body().contains("\"entry\""));
  }
}
