package nl.geboorteketen.benchmark.chain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.geboorteketen.benchmark.FhirClient;

/**
 * A GET (read, search or operation) with {{name}} placeholders in its path filled from the
 * family. A search that must find something fails when the answer bundle is empty.
 */
public class ReadStep implements Step {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

  private final String name;
  private final Actor actor;
  private final String pathTemplate;
  private final boolean mustFind;

  public ReadStep(String name, String pathTemplate, boolean mustFind) {
    this(name, Actor.BEHEERDER, pathTemplate, mustFind);
  }

  public ReadStep(String name, Actor actor, String pathTemplate, boolean mustFind) {
    this.name = name;
    this.actor = actor;
    this.pathTemplate = pathTemplate;
    this.mustFind = mustFind;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean run(Family family, Callers callers) {
    FhirClient.Response r = callers.as(actor, family).get(name, fill(pathTemplate, family));
    return r.ok() && (!mustFind || r.body().contains("\"entry\""));
  }

  /** The path with every {{name}} replaced by the family's value (fails on an unknown name). */
  static String fill(String pathTemplate, Family family) {
    Matcher m = PLACEHOLDER.matcher(pathTemplate);
    StringBuilder path = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(path, Matcher.quoteReplacement(family.get(m.group(1))));
    }
    m.appendTail(path);
    return path.toString();
  }
}
