package nl.geboorteketen.server.packages;

import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.StructureDefinition;

/**
 * What explains a definition to a person and that nothing in the server reads: the mappings to
 * other standards, and each element's comment and requirements. They were a large part of every
 * definition held in memory, and the validator holds each definition twice (as parsed, and
 * converted to R5). Only in-memory copies lose them; what the store serves keeps them.
 */
final class Commentary {

  private Commentary() {}

  /** The same resource, a StructureDefinition without its commentary. */
  static <T extends IBaseResource> T dropped(T resource) {
    if (resource instanceof StructureDefinition sd) {
      sd.setMapping(null);
      for (List<ElementDefinition> elements : List.of(sd.getSnapshot().getElement(), sd.getDifferential().getElement())) {
        for (ElementDefinition element : elements) {
          element.setMapping(null);
          element.setCommentElement(null);
          element.setRequirementsElement(null);
        }
      }
    }
    return resource;
  }
}
