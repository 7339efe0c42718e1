package nl.geboorteketen.server.validation;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The server validates offline and holds no SNOMED CT or LOINC release. A required binding to a
 * Nictiz value set defined by a SNOMED hierarchy (e.g. VerrichtingTypeCodelijsten: every
 * descendant of "procedure") cannot be expanded here, so whether a code is in it cannot be
 * decided, nor for a value set of a code system Nictiz publishes without its content (ISO 639-1
 * languages in CommunicatieTaalCodelijst): that is not the client's error and does not refuse the
 * write. Every other error does.
 */
final class OfflineTerminology {

  private static final String UNEXPANDABLE = "unable to expand value";
  private static final String NOT_IN_VALUE_SET = "None of the codings provided are in the value set";

  private OfflineTerminology() {}

  static List<SingleValidationMessage> errorsThatCount(List<SingleValidationMessage> messages) {
    List<SingleValidationMessage> errors = messages.stream()
        .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
        .toList();
    Set<String> undecidable = errors.stream()
        .filter(OfflineTerminology::unexpandable)
        .map(SingleValidationMessage::getLocationString)
        .filter(Objects::nonNull)
        .collect(Collectors.toSet());
    if (undecidable.isEmpty()) {
      return errors;
    }
    return errors.stream()
        .filter(m -> !(undecidable.contains(m.getLocationString()) && m.getMessage() != null
            && (unexpandable(m) || m.getMessage().contains(NOT_IN_VALUE_SET))))
        .toList();
  }

  /** "Unable to expand ValueSet" / "Unable to expand value set", as the validator words it. */
  private static boolean unexpandable(SingleValidationMessage m) {
    return m.getMessage() != null && m.getMessage().toLowerCase(java.util.Locale.ROOT).contains(UNEXPANDABLE);
  }
}
