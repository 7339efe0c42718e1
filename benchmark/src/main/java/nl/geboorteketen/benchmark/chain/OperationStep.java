package nl.geboorteketen.benchmark.chain;

import nl.geboorteketen.benchmark.FhirClient;
import nl.geboorteketen.benchmark.Template;

/** A step that posts a Parameters body from a template to an operation on one of the family's resources. */
public class OperationStep implements Step {

  private final String name;
  private final String path;
  private final Template template;

  /** path: relative to the base URL, with placeholders, e.g. "{{episode}}/$lip-indicatie". */
  public OperationStep(String name, String path, String template) {
    this.name = name;
    this.path = path;
    this.template = Template.load(template);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean run(Family family, FhirClient client) {
    String target = path;
    for (var value : family.values().entrySet()) {
      target = target.replace("{{" + value.getKey() + "}}", value.getValue());
    }
    return client.post(name, target, template.fill(family.values())).ok();
  }
}
