package nl.geboorteketen.benchmark.chain;

import nl.geboorteketen.benchmark.FhirClient;
import nl.geboorteketen.benchmark.Template;

/**
 * A step that posts a body from a template to a path filled from the family: an operation on one
 * of the family's resources (a Parameters body), or a create (POST of a resource to its type).
 */
public class OperationStep implements Step {

  private final String name;
  private final Actor actor;
  private final String path;
  private final Template template;
  private final String idName;

  /** path: relative to the base URL, with placeholders, e.g. "{{episode}}/$lip-indicatie". */
  public OperationStep(String name, String path, String template) {
    this(name, Actor.BEHEERDER, path, template, null);
  }

  /** idName: for a create, the name to store the new resource's id under (null: not needed). */
  public OperationStep(String name, Actor actor, String path, String template, String idName) {
    this.name = name;
    this.actor = actor;
    this.path = path;
    this.template = Template.load(template);
    this.idName = idName;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean run(Family family, Callers callers) {
    FhirClient client = callers.as(actor, family);
    FhirClient.Response r = client.post(name, ReadStep.fill(path, family), template.fill(family.values()));
    if (r.ok() && idName != null && r.location() != null) {
      family.put(idName, Template.idFromLocation(r.location(), client.baseUrl()));
    }
    return r.ok();
  }
}
