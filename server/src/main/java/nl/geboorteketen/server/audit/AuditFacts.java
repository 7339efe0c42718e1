package nl.geboorteketen.server.audit;

import java.util.List;

/**
 * What one audit record says, as it is stored: the log keeps these facts and builds the BALP
 * AuditEvent from them when it is read ({@link AuditRecord#event}). Encoding a FHIR resource was a
 * quarter of the audit writer's work at every access; the facts are the same.
 *
 * @param authenticated whether a verified caller was known (else the user is "anonymous or unverified")
 * @param userName the caller's role, or "PGO user"
 * @param by a display for the user set by the care ledger (who granted or ended a relationship)
 */
public record AuditFacts(long recorded, String code, String action, boolean denied, String message,
    boolean authenticated, String subject, String userName, String organisation, String clientId, String address,
    String path, List<String> patients, List<String> resources, List<String> mentioned, String site, String by) {

  /** The same facts, the user shown as {@code by}. */
  AuditFacts shownAs(String by) {
    return new AuditFacts(recorded, code, action, denied, message, authenticated, subject, userName, organisation,
        clientId, address, path, patients, resources, mentioned, site, by);
  }

  /** The entities in the event's order: patients, the other resources, then the references merely mentioned. */
  List<String> resourcesBesidesPatients() {
    return resources.stream().filter(r -> !patients.contains(r)).toList();
  }
}
