package nl.geboorteketen.server.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.storage.IResourcePersistentId;
import ca.uhn.fhir.rest.server.RestfulServer;
import com.nimbusds.jose.jwk.JWK;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import nl.geboorteketen.mappings.access.AccessRules;
import nl.geboorteketen.server.config.Settings;
import nl.geboorteketen.server.consent.ConsentService;
import nl.geboorteketen.server.fhir.StoredRecords;
import nl.geboorteketen.server.packages.ProfilePackage;
import nl.geboorteketen.server.rules.RuleTableStore;
import nl.geboorteketen.server.validation.ProfileSelector;
import nl.geboorteketen.server.validation.ProfileValidationInterceptor;
import nl.geboorteketen.server.validation.TargetVisibility;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tokens, access rules, family filtering and consent on the FHIR endpoint; the audit log and the PGO rules have their own configs. */
@Configuration
public class SecurityConfig {

  private static final Logger LOG = LoggerFactory.getLogger(SecurityConfig.class);
  static final String ACCESS_RULES_URL = "https://fhir.geboorteketen.nl/Library/access-rules";

  @Bean
  public DevTokensHolder devTokens(Settings settings) {
    if (!settings.devTokens()) {
      return new DevTokensHolder(null);
    }
    LOG.warn("!!! GK_DEV_TOKENS=true: POST /dev/token issues tokens for test identities to ANYONE. "
        + "Never run like this with real data. !!!");
    return new DevTokensHolder(DevTokens.load(settings.dataDir(), settings.tokenIssuer(), settings.tokenAudience()));
  }

  @Bean
  public TokenVerifier tokenVerifier(Settings settings, DevTokensHolder dev) {
    List<JWK> extra = dev.tokens() == null ? List.of() : List.of(dev.tokens().publicKey());
    if (settings.jwks().isBlank() && extra.isEmpty()) {
      LOG.warn("GK_JWKS is not set and development tokens are off: no token can be verified, every FHIR request "
          + "except /metadata is refused with 401.");
    }
    return new TokenVerifier(settings.jwks(), extra, settings.tokenIssuer(), settings.tokenAudience());
  }

  @Bean
  public SecurityWeb securityWeb(Settings settings, DevTokensHolder dev) {
    return new SecurityWeb(settings.tokenIssuer(), dev.tokens());
  }

  @Bean
  public AccessRules accessRules(FhirContext ctx, ProfilePackage pkg) {
    return AccessRules.parse(RuleTableStore.content(RuleTableStore.findInPackage(ctx, pkg, ACCESS_RULES_URL)
        .orElseThrow(() -> new IllegalStateException("The package has no " + ACCESS_RULES_URL))));
  }

  @Bean(destroyMethod = "close")
  public LedgerChanges ledgerChanges(DataSource dataSource) {
    return new LedgerChanges(dataSource);
  }

  @Bean
  public CareLedger careLedger(DataSource dataSource, LedgerChanges changes) {
    return new CareLedger(dataSource, changes);
  }

  @Bean
  public LedgerCache ledgerCache(CareLedger ledger, ConsentService consents, LedgerChanges changes) {
    return new LedgerCache(ledger, consents, changes);
  }

  @Bean
  public ConsentService consentService(DaoRegistry daos) {
    return new ConsentService(daos);
  }

  @Bean
  public FamilyScope familyScope(FhirContext ctx, CareLedger ledger, LedgerCache cache, StoredRecords stored) {
    return new FamilyScope(ctx, ledger, cache, stored::read);
  }

  /** A reference's target is judged by its profile only when the caller may see it (validation). */
  @Bean
  public TargetVisibility targetVisibility(FamilyScope scope) {
    return (request, target) -> !(request instanceof ca.uhn.fhir.rest.api.server.RequestDetails details)
        || scope.maySee(details, AuthenticationInterceptor.caller(details), target);
  }

  /**
   * Every stored write passes the gate before it commits; on the storage layer, so the server's own
   * writes keep the ledger's indexes too.
   */
  @Bean
  public WriteGate writeGate(FhirContext ctx, CareLedger ledger, AccessRules rules, ProfileSelector selector,
      Settings settings, IInterceptorService storageInterceptors, StoredRecords stored, FamilyScope scope,
      DaoRegistry daos, ProfileValidationInterceptor validation, LedgerCache cache) {
    WriteRules.RecordOwners owners = new WriteRules.RecordOwners() {
      @Override
      public Set<String> of(String record) {
        return stored.read(record).map(scope::familyMembersOf).orElse(Set.of());
      }

      @Override
      public Set<String> of(IBaseResource resource) {
        return scope.familyMembersOf(resource);
      }
    };
    WriteGate gate = new WriteGate(new WriteRules(ctx, ledger, rules, selector, owners, cache::deniesPartner),
        new CareFacts(ledger, java.time.Duration.ofDays(settings.careGraceDays())), scope,
        new WriteGate.MatchedRecords() {
          @Override
          public IBaseResource read(String type, IResourcePersistentId<?> pid) {
            return daos.getResourceDao(type).readByPid(pid);
          }

          @Override
          public IBaseResource read(IIdType id) {
            return stored.read(id.getValue()).orElse(null);
          }
        });
    storageInterceptors.registerInterceptor(gate);
    validation.beforeNamingMatches(gate::refuseForeignMatches);
    return gate;
  }

  /** On the storage layer: every search a partner or PGO makes, conditions included, passes it. */
  @Bean
  public ReverseChainGuard reverseChainGuard(AccessRules rules, IInterceptorService storageInterceptors) {
    ReverseChainGuard guard = new ReverseChainGuard(rules);
    storageInterceptors.registerInterceptor(guard);
    return guard;
  }

  /** Puts everything on the FHIR endpoint; the order of registration is the order of the hooks. */
  @Bean
  public Installed securityInstalled(RestfulServer server, FhirContext ctx, DaoRegistry daos, TokenVerifier verifier,
      AccessRules rules, FamilyScope scope, SecurityWeb web, Settings settings,
      WriteGate gate, CareLedger ledger, ObjectProvider<EndpointWatcher> watchers) {
    server.registerInterceptor(new AuthenticationInterceptor(verifier, settings.tokenAudience()));
    server.registerInterceptor(new AuthorizationInterceptor(ctx, daos, rules, scope));
    server.registerInterceptor(new FamilyFilterInterceptor(scope, new BsnMasker(ctx), rules));
    server.registerInterceptor(new ConditionalMatchInterceptor());
    watchers.orderedStream().forEach(watcher -> watcher.install(server));
    server.registerInterceptor(new SecurityCapability(web));
    return new Installed();
  }

  @Bean
  public KeeperProvider keeperProvider(CareLedger ledger, StoredRecords stored, AccessRules rules, FamilyScope scope) {
    return new KeeperProvider(ledger, stored, rules, scope);
  }

  @Bean
  public ZorgrelatiesProvider zorgrelatiesProvider(CareLedger ledger, DaoRegistry daos) {
    return new ZorgrelatiesProvider(ledger, daos);
  }

  /** The development token issuer, or null when GK_DEV_TOKENS is not true. */
  public record DevTokensHolder(DevTokens tokens) {}

  /** Marker: the security interceptors are on the endpoint. */
  public static final class Installed {}
}
