package nl.geboorteketen.server.notification;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Subscription;

/**
 * Accepts only what we can deliver safely: a rest-hook Subscription with criteria
 * {@code Task?owner=Organization/<id>} and an endpoint on the allow-list (422 otherwise, at create and
 * update). Accepted subscriptions are made active and kept in memory for matching (reloaded at start).
 */
@Interceptor
public class TaskSubscriptions {

  static final Pattern CRITERIA = Pattern.compile("^Task\\?owner=(Organization/[A-Za-z0-9\\-.]{1,64})$");

  /** An active subscription: which owner it watches and where to POST. */
  public record Active(String id, String owner, String endpoint, String headers, boolean withPayload) {}

  private final FhirContext ctx;
  private final NotificationSettings settings;
  private final Map<String, Active> active = new ConcurrentHashMap<>();
  private final Map<String, Long> rememberedAt = new ConcurrentHashMap<>();

  public TaskSubscriptions(FhirContext ctx, NotificationSettings settings) {
    this.ctx = ctx;
    this.settings = settings;
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
  public void onCreate(IBaseResource resource) {
    if (resource instanceof Subscription s) {
      check(s);
      s.setStatus(Subscription.SubscriptionStatus.ACTIVE);
    }
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
  public void onUpdate(IBaseResource previous, IBaseResource updated) {
    if (updated instanceof Subscription s && s.getStatus() != Subscription.SubscriptionStatus.OFF) {
      check(s);
      s.setStatus(Subscription.SubscriptionStatus.ACTIVE);
    }
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
  public void created(IBaseResource resource) {
    remember(resource);
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
  public void updated(IBaseResource previous, IBaseResource updated) {
    remember(updated);
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
  public void deleted(IBaseResource resource) {
    if (resource instanceof Subscription s) {
      active.remove(s.getIdElement().getIdPart());
    }
  }

  /**
   * Loads the stored active subscriptions: at start-up, and again every few seconds, so that a
   * subscription stored through another node takes effect here too. One this node stored itself
   * in the last minute is kept even when the store answered before its commit.
   */
  public void load(DaoRegistry daos) {
    long started = System.currentTimeMillis();
    SearchParameterMap map = SearchParameterMap.newSynchronous();
    var found = daos.getResourceDao(Subscription.class).search(map, new SystemRequestDetails());
    Integer size = found.size();
    List<IBaseResource> stored = found.getResources(0, size == null ? 10_000 : size);
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (IBaseResource r : stored) {
      ids.add(r.getIdElement().getIdPart());
      remember(r);
    }
    active.keySet().removeIf(id -> !ids.contains(id) && rememberedAt.getOrDefault(id, 0L) < started - 60_000);
  }

  /** The organisation whose Tasks the subscription watches, when its criteria have the one accepted form. */
  public static java.util.Optional<String> watchedOrganisation(Subscription s) {
    Matcher m = CRITERIA.matcher(s.getCriteria() == null ? "" : s.getCriteria());
    return m.matches() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
  }

  public List<Active> forOwner(String owner) {
    return active.values().stream().filter(a -> a.owner().equals(owner)).toList();
  }

  private void remember(IBaseResource resource) {
    if (!(resource instanceof Subscription s)) {
      return;
    }
    String id = s.getIdElement().getIdPart();
    rememberedAt.put(id, System.currentTimeMillis());
    Matcher m = CRITERIA.matcher(s.getCriteria() == null ? "" : s.getCriteria());
    if (s.getStatus() != Subscription.SubscriptionStatus.ACTIVE || !m.matches()) {
      active.remove(id);
      return;
    }
    String headers = String.join("\n", s.getChannel().getHeader().stream().map(h -> h.getValue()).toList());
    active.put(id, new Active(id, m.group(1), s.getChannel().getEndpoint(), headers, s.getChannel().hasPayload()));
  }

  private void check(Subscription s) {
    if (s.getChannel().getType() != Subscription.SubscriptionChannelType.RESTHOOK) {
      throw refusal("Subscription.channel.type", "Alleen kanaaltype rest-hook wordt ondersteund.");
    }
    if (!CRITERIA.matcher(s.getCriteria() == null ? "" : s.getCriteria()).matches()) {
      throw refusal("Subscription.criteria",
          "Criteria moet de vorm 'Task?owner=Organization/<id>' hebben (meldingen over overdrachten aan uw organisatie).");
    }
    if (!settings.allows(s.getChannel().getEndpoint())) {
      throw refusal("Subscription.channel.endpoint", "Endpoint '" + s.getChannel().getEndpoint()
          + "' staat niet op de toegestane lijst (GK_SUBSCRIPTION_ALLOWED_ENDPOINTS). Vraag de beheerder het toe te voegen.");
    }
    for (var header : s.getChannel().getHeader()) {
      if (header.getValue() == null || !header.getValue().matches("^[A-Za-z0-9\\-]{1,64}: [^\\r\\n]{0,1000}$")) {
        throw refusal("Subscription.channel.header", "Een header heeft de vorm 'Naam: waarde' op één regel.");
      }
    }
  }

  private UnprocessableEntityException refusal(String expression, String diagnostics) {
    OperationOutcome oo = new OperationOutcome();
    oo.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.BUSINESSRULE)
        .setDiagnostics(diagnostics).addExpression(expression);
    return new UnprocessableEntityException(ctx, oo);
  }
}
