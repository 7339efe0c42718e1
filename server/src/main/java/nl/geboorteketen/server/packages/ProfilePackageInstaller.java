package nl.geboorteketen.server.packages;

import ca.uhn.fhir.jpa.packages.IPackageInstallerSvc;
import ca.uhn.fhir.jpa.packages.PackageInstallationSpec;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Installs our package into the store at start-up, so its conformance resources are served. */
public class ProfilePackageInstaller {

  private static final Logger LOG = LoggerFactory.getLogger(ProfilePackageInstaller.class);

  static final List<String> INSTALLED_TYPES = List.of(
      "NamingSystem", "CodeSystem", "ValueSet", "StructureDefinition", "ConceptMap",
      "SearchParameter", "OperationDefinition", "PlanDefinition", "ActivityDefinition", "Library");

  private final IPackageInstallerSvc installer;
  private final ProfilePackage profilePackage;

  public ProfilePackageInstaller(IPackageInstallerSvc installer, ProfilePackage profilePackage) {
    this.installer = installer;
    this.profilePackage = profilePackage;
  }

  public void install() {
    PackageInstallationSpec spec = new PackageInstallationSpec()
        .setName(profilePackage.id())
        .setVersion(profilePackage.version())
        .setPackageContents(profilePackage.bytes())
        .setInstallMode(PackageInstallationSpec.InstallModeEnum.STORE_AND_INSTALL)
        .setFetchDependencies(false);
    // Re-install on every start: a rebuilt package of the same version must replace the old one.
    spec.setReloadExisting(true);
    spec.setInstallResourceTypes(INSTALLED_TYPES);
    long start = System.currentTimeMillis();
    installer.install(spec);
    LOG.info("Installed FHIR package {}#{} in {} ms", profilePackage.id(), profilePackage.version(),
        System.currentTimeMillis() - start);
  }
}
