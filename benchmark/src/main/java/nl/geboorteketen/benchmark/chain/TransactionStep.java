package nl.geboorteketen.benchmark.chain;

import java.util.List;
import nl.geboorteketen.benchmark.FhirClient;
import nl.geboorteketen.benchmark.Template;

/**
 * A step that posts one transaction bundle from a template filled with what the family knows,
 * and stores the ids of chosen entries under names for later steps.
 */
public class TransactionStep implements Step {

  private final String name;
  private final Actor actor;
  private final Template template;
  private final List<String> idNamesByEntry;

  /** idNamesByEntry: per bundle entry, the name to store its id under (null: not needed). */
  public TransactionStep(String name, String template, List<String> idNamesByEntry) {
    this(name, Actor.BEHEERDER, template, idNamesByEntry);
  }

  public TransactionStep(String name, Actor actor, String template, List<String> idNamesByEntry) {
    this.name = name;
    this.actor = actor;
    this.template = Template.load(template);
    this.idNamesByEntry = idNamesByEntry;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean run(Family family, Callers callers) {
    FhirClient.Response r = callers.as(actor, family).transaction(name, template.fill(family.values()));
    if (!r.ok()) {
      return false;
    }
    List<String> ids = Template.locations(r.body());
    for (int i = 0; i < idNamesByEntry.size() && i < ids.size(); i++) {
      if (idNamesByEntry.get(i) != null) {
        family.put(idNamesByEntry.get(i), ids.get(i));
      }
    }
    return true;
  }
}
