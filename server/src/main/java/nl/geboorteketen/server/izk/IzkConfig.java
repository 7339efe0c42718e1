package nl.geboorteketen.server.izk;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.rest.server.RestfulServer;
import nl.geboorteketen.mappings.izk.IzkTable;
import nl.geboorteketen.mappings.izk.IzkView;
import nl.geboorteketen.server.config.Settings;
import nl.geboorteketen.server.packages.ProfilePackage;
import nl.geboorteketen.server.rules.RuleTableStore;
import nl.geboorteketen.server.validation.ProfileSelector;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The MedMij IZK endpoint. Its table comes from the package only, like the access rules: the STU3
 * view is an interface contract that changes with a release, not with an uploaded Library.
 */
@Configuration
public class IzkConfig {

  @Bean
  public IzkView izkView(FhirContext ctx, ProfilePackage pkg) {
    return new IzkView(IzkTable.parse(RuleTableStore.content(RuleTableStore.findInPackage(ctx, pkg, IzkTable.URL)
        .orElseThrow(() -> new IllegalStateException("The package has no " + IzkTable.URL)))));
  }

  @Bean
  public Stu3Servlet stu3Servlet(RestfulServer r4, IzkView view, Settings settings, IValidationSupport codeSystems,
      ProfileSelector profiles) {
    return new Stu3Servlet(r4, view, new CodeDisplays(codeSystems), profiles::select, settings.publicBaseUrl());
  }
}
