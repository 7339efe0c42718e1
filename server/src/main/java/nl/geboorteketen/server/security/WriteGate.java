package nl.geboorteketen.server.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.model.DeleteConflict;
import ca.uhn.fhir.jpa.api.model.DeleteConflictList;
import ca.uhn.fhir.jpa.delete.DeleteConflictOutcome;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.api.server.storage.IResourcePersistentId;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;

/**
 * Every stored write, in its own database transaction, passes here before it commits: a caller's
 * write is checked ({@link WriteRules}) and the ledger follows it ({@link CareFacts}); a write of
 * the server's own only updates the ledger's indexes. Registered on the storage layer, so nothing
 * written through a DAO goes around it.
 *
 * <p>Inside a transaction or batch HAPI stores every entry first and calls these hooks afterwards,
 * in an order of its own; the gate collects the entries and decides them when the bundle is
 * processed (still inside the transaction), people first, then their records, links and teams —
 * so a bundle that registers a client and her record is decided as if sent one by one, and a
 * refusal rolls the whole bundle back.
 */
@Interceptor
public class WriteGate {

  private static final String QUEUE = WriteGate.class.getName() + ".queue";
  private static final String WRITTEN = WriteGate.class.getName() + ".written";
  private static final String UPDATES = WriteGate.class.getName() + ".updates";
  static final String FOREIGN_MATCH = WriteGate.class.getName() + ".foreignMatch";
  private static final Map<String, Integer> ORDER = Map.of("Patient", 0, "EpisodeOfCare", 1, "RelatedPerson", 2,
      "CareTeam", 3);

  private record Write(IBaseResource previous, IBaseResource current) {
    String type() {
      return (current != null ? current : previous).fhirType();
    }

    String ref() {
      return refOf(current != null ? current : previous);
    }
  }

  /** Stored records, read as the server: what a condition matched, by HAPI's storage id, or by id. */
  public interface MatchedRecords {
    IBaseResource read(String type, IResourcePersistentId<?> pid);

    IBaseResource read(IIdType id);
  }

  private final WriteRules rules;
  private final CareFacts facts;
  private final FamilyScope scope;
  private final MatchedRecords matched;

  public WriteGate(WriteRules rules, CareFacts facts, FamilyScope scope, MatchedRecords matched) {
    this.rules = rules;
    this.facts = facts;
    this.scope = scope;
    this.matched = matched;
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
  public void created(IBaseResource resource, RequestDetails request) {
    onWrite(request, new Write(null, resource));
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
  public void updated(IBaseResource previous, IBaseResource resource, RequestDetails request) {
    onWrite(request, new Write(previous, resource));
  }

  /**
   * Every update, before HAPI compares it with the stored version: one that changes nothing is
   * answered without reaching the hooks above, and must not confirm another family's record. In a
   * transaction it is checked when the bundle is decided (the entries before it may start the
   * relationship); a batch entry stands alone, its predecessors already stored.
   */
  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
  @SuppressWarnings("unchecked")
  public void updating(IBaseResource previous, IBaseResource resource, RequestDetails request) {
    Caller caller = callerOf(request);
    if (caller == null) {
      return;
    }
    RestOperationTypeEnum op = request.getRestOperationType();
    if (op == RestOperationTypeEnum.TRANSACTION) {
      ((List<Write>) request.getUserData().computeIfAbsent(UPDATES, k -> new ArrayList<Write>()))
          .add(new Write(previous, resource));
      return;
    }
    checkStored(request, caller, previous, resource);
  }

  /**
   * The stored version is the caller's to replace or delete. When a condition found it, the refusal
   * does not name what it matched (its id, whose it is), as for a conditional create.
   */
  private void checkStored(RequestDetails request, Caller caller, IBaseResource previous, IBaseResource current) {
    checkStored(caller, previous, current, conditional(request));
  }

  private void checkStored(Caller caller, IBaseResource previous, IBaseResource current, boolean nameNothing) {
    try {
      rules.checkStored(caller, previous, current);
    } catch (ForbiddenOperationException notHers) {
      throw nameNothing ? foreignMatch() : notHers;
    }
  }

  /**
   * Every delete, before HAPI looks for the records that point at it: its refusal of such a
   * conflict (409) names them and the element that points, so a condition, or a bundle entry, that
   * matched another family's record would show that family's ids. A delete in a bundle is checked
   * here too, not when the bundle is decided: no entry before it can make a stored record of
   * another family the caller's. A refusal names the record only when the caller named it.
   */
  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
  public void deleting(IBaseResource resource, RequestDetails request) {
    Caller caller = callerOf(request);
    if (caller == null) {
      return;
    }
    RestOperationTypeEnum op = request.getRestOperationType();
    boolean inBundle = op == RestOperationTypeEnum.TRANSACTION || op == RestOperationTypeEnum.BATCH;
    checkStored(caller, resource, null, inBundle || conditional(request));
  }

  /**
   * HAPI refuses a delete of a record others still point at (409) and names the first of them and
   * the element that points. When one of them is a record the caller may not see, the refusal
   * names none of them: an own record can be pointed at from another family (by the beheerder, or
   * by a partner who cares for both).
   */
  @Hook(Pointcut.STORAGE_PRESTORAGE_DELETE_CONFLICTS)
  public DeleteConflictOutcome deleteConflicts(DeleteConflictList conflicts, RequestDetails request) {
    Caller caller = callerOf(request);
    if (caller == null || caller.isBeheerder()) {
      return null;
    }
    for (DeleteConflict conflict : conflicts) {
      IBaseResource source = matched.read(conflict.getSourceId());
      if (source == null || !mayMatch(request, caller, source, scope)) {
        throw new ResourceVersionConflictException(conflict.getTargetId().toUnqualifiedVersionless().getValue()
            + " kan niet worden verwijderd: er verwijzen resources naar die u niet mag zien (van een gezin waarmee u "
            + "geen zorgrelatie heeft). Er is niets verwijderd.");
      }
    }
    return null;
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
  public void deleted(IBaseResource resource, RequestDetails request) {
    onWrite(request, new Write(resource, null));
  }

  @Hook(Pointcut.STORAGE_TRANSACTION_PROCESSED)
  @SuppressWarnings("unchecked")
  public void bundleProcessed(RequestDetails request, TransactionDetails details) {
    Caller caller = callerOf(request);
    if (caller == null) {
      return;
    }
    Set<String> sameRequest = refuseForeignMatches(request, caller, details);
    List<Write> queued = (List<Write>) request.getUserData().remove(QUEUE);
    List<Write> updates = (List<Write>) request.getUserData().remove(UPDATES);
    queued.sort(Comparator.comparingInt(w -> ORDER.getOrDefault(w.type(), 9)));
    queued.forEach(w -> decide(request, caller, w, sameRequest));
    if (updates != null) {
      Set<String> decided = written(request);
      updates.stream().filter(w -> !decided.contains(w.ref()))
          .forEach(w -> rules.checkStored(caller, w.previous(), w.current()));
    }
  }

  /**
   * Before an answer that names what a condition of this request matched: refused as another
   * family's when a match is not the caller's.
   */
  public void refuseForeignMatches(RequestDetails request, TransactionDetails details) {
    Caller caller = callerOf(request);
    if (caller != null) {
      refuseForeignMatches(request, caller, details);
    }
  }

  /** Returns the records this request wrote so far ("Type/id"): a condition may match those too. */
  private Set<String> refuseForeignMatches(RequestDetails request, Caller caller, TransactionDetails details) {
    refuseForeignMatch(request);
    Set<String> sameRequest = new HashSet<>();
    queue(request).forEach(w -> sameRequest.add(w.ref()));
    refuseForeignConditions(request, caller, details, sameRequest);
    return sameRequest;
  }

  /**
   * HAPI resolves a bundle's conditions before its entries and shows none of the matches to a hook
   * (a single request's are, see {@link #FOREIGN_MATCH}); a conditional create whose condition
   * matched answers with the match's id. So each condition's match is something this request wrote
   * and the gate passed, or a record the caller may see. In a batch this runs for each entry.
   */
  private void refuseForeignConditions(RequestDetails request, Caller caller, TransactionDetails details,
      Set<String> sameRequest) {
    if (caller.isBeheerder() || details == null) {
      return;
    }
    details.getResolvedMatchUrls().forEach((condition, pid) -> {
      int query = condition.indexOf('?');
      if (pid == TransactionDetails.NOT_FOUND || query < 1) {
        return;
      }
      IBaseResource match = matched.read(condition.substring(0, query), pid);
      if (match != null && !sameRequest.contains(refOf(match)) && !mayMatch(request, caller, match, scope)) {
        throw foreignMatch();
      }
    });
  }

  private void onWrite(RequestDetails request, Write write) {
    Caller caller = callerOf(request);
    if (caller == null) {
      facts.apply(null, write.previous(), write.current());
      return;
    }
    RestOperationTypeEnum op = request.getRestOperationType();
    if (op == RestOperationTypeEnum.TRANSACTION || op == RestOperationTypeEnum.BATCH) {
      queue(request).add(write);
      return;
    }
    refuseForeignMatch(request);
    decide(request, caller, write, Set.of());
  }

  private void decide(RequestDetails request, Caller caller, Write write, Set<String> sameRequest) {
    boolean kept = rules.check(caller, write.previous(), write.current(), sameRequest);
    facts.apply(caller, write.previous(), write.current());
    if (kept) {
      facts.keptBy(caller, write.current());
    }
    written(request).add(write.ref());
  }

  /** A conditional interaction matched a resource the caller may not see: neither its content nor a write. */
  static void refuseForeignMatch(RequestDetails request) {
    if (foreignMatched(request)) {
      throw foreignMatch();
    }
  }

  static boolean foreignMatched(RequestDetails request) {
    return request.getUserData().containsKey(FOREIGN_MATCH);
  }

  /** A condition may match what this request wrote (and the gate passed), or a record the caller may see. */
  static boolean mayMatch(RequestDetails request, Caller caller, IBaseResource match, FamilyScope scope) {
    return written(request).contains(refOf(match)) || scope.maySee(request, caller, match);
  }

  private static String refOf(IBaseResource r) {
    return r.fhirType() + "/" + r.getIdElement().getIdPart();
  }

  private static boolean conditional(RequestDetails request) {
    RestOperationTypeEnum op = request.getRestOperationType();
    return op != null && request.getConditionalUrl(op) != null;
  }

  static ForbiddenOperationException foreignMatch() {
    return new ForbiddenOperationException("De voorwaarde van deze aanvraag past op een resource die niet de uwe is: "
        + "van een gezin waarmee u geen zorgrelatie heeft, of een record zonder gezin dat een andere organisatie of de "
        + "beheerder vastlegde. Er is niets gelezen of geschreven.");
  }

  /** The resources this request wrote and that passed the gate ("Type/id"). */
  @SuppressWarnings("unchecked")
  public static Set<String> written(RequestDetails request) {
    return (Set<String>) request.getUserData().computeIfAbsent(WRITTEN, k -> new HashSet<String>());
  }

  @SuppressWarnings("unchecked")
  private static List<Write> queue(RequestDetails request) {
    return (List<Write>) request.getUserData().computeIfAbsent(QUEUE, k -> new ArrayList<Write>());
  }

  private static Caller callerOf(RequestDetails request) {
    return request == null || request instanceof SystemRequestDetails ? null : AuthenticationInterceptor.caller(request);
  }
}
