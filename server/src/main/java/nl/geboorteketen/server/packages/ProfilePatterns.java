package nl.geboorteketen.server.packages;

import ca.uhn.fhir.context.FhirContext;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import nl.geboorteketen.mappings.RecordPattern;
import org.hl7.fhir.r4.model.StructureDefinition;

/** What each profile in our package fixes, so rule tables can name a profile and select its records by content. */
public final class ProfilePatterns {

  private final FhirContext ctx;
  private final ProfilePackage pkg;
  private final Map<String, Optional<RecordPattern>> read = new ConcurrentHashMap<>();

  public ProfilePatterns(FhirContext ctx, ProfilePackage pkg) {
    this.ctx = ctx;
    this.pkg = pkg;
  }

  /** The pattern of the profile with this canonical url; empty when the package has no such profile. */
  public Optional<RecordPattern> of(String url) {
    return read.computeIfAbsent(url, this::fromPackage);
  }

  private Optional<RecordPattern> fromPackage(String url) {
    return pkg.resources(ctx, StructureDefinition.class)
        .filter(sd -> url.equals(sd.getUrl()))
        .findFirst()
        .map(RecordPattern::of);
  }
}
