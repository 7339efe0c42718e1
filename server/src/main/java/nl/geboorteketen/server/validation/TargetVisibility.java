package nl.geboorteketen.server.validation;

import org.hl7.fhir.r4.model.Resource;

/**
 * Whether the caller of a request (the validator's app context) may see a stored resource. A
 * reference to a target the caller may not see is not judged by the target's profile: the write
 * checks refuse a reference into another family (403), and the answer must not tell what that
 * target is.
 */
@FunctionalInterface
public interface TargetVisibility {

  TargetVisibility EVERYONE = (request, target) -> true;

  boolean maySee(Object request, Resource target);
}
