package nl.geboorteketen.server.packages;

import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.packages.IHapiPackageCacheManager;
import ca.uhn.fhir.jpa.packages.IPackageInstallerSvc;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.param.UriParamQualifierEnum;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import org.hl7.fhir.r4.model.StructureDefinition;
import ca.uhn.fhir.jpa.packages.PackageInstallationSpec;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Installs our package into the store at start-up, so its conformance resources are served. */
public class ProfilePackageInstaller {

  private static final Logger LOG = LoggerFactory.getLogger(ProfilePackageInstaller.class);

  static final List<String> INSTALLED_TYPES = List.of(
      "NamingSystem", "CodeSystem", "ValueSet", "StructureDefinition", "ConceptMap",
      "SearchParameter", "OperationDefinition", "PlanDefinition", "ActivityDefinition", "Library");

  private final IPackageInstallerSvc installer;
  private final IHapiPackageCacheManager cache;
  private final DaoRegistry daos;
  private final ProfilePackage profilePackage;
  private final JpaStorageSettings storage;
  private final DataSource dataSource;

  public ProfilePackageInstaller(IPackageInstallerSvc installer, IHapiPackageCacheManager cache, DaoRegistry daos,
      ProfilePackage profilePackage, JpaStorageSettings storage, DataSource dataSource) {
    this.installer = installer;
    this.cache = cache;
    this.daos = daos;
    this.profilePackage = profilePackage;
    this.storage = storage;
    this.dataSource = dataSource;
  }

  public void install() {
    long checked = System.currentTimeMillis();
    if (alreadyInstalled()) {
      LOG.info("FHIR package {}#{} is installed with these exact bytes; not re-installed (checked in {} ms)",
          profilePackage.id(), profilePackage.version(), System.currentTimeMillis() - checked);
      return;
    }
    PackageInstallationSpec spec = new PackageInstallationSpec()
        .setName(profilePackage.id())
        .setVersion(profilePackage.version())
        .setPackageContents(profilePackage.bytes())
        .setInstallMode(PackageInstallationSpec.InstallModeEnum.STORE_AND_INSTALL)
        .setFetchDependencies(false);
    // A rebuilt package of the same version must replace the old one.
    spec.setReloadExisting(true);
    spec.setInstallResourceTypes(INSTALLED_TYPES);
    // one version of each of our canonical resources, stored under the id it has in the package, so the
    // fullUrl of a search answer and StructureDefinition/gk-patient name the same resource
    spec.setVersionPolicy(PackageInstallationSpec.VersionPolicyEnum.SINGLE_VERSION);
    long start = System.currentTimeMillis();
    boolean nothingToReindex = !holdsRecords();
    boolean marking = storage.isMarkResourcesForReindexingUponSearchParameterChange();
    // Storing a SearchParameter makes HAPI start a reindex job of its resource types. On a store
    // without records it has nothing to find, yet it ran for minutes beside the first requests.
    storage.setMarkResourcesForReindexingUponSearchParameterChange(marking && !nothingToReindex);
    try {
      installer.install(spec);
    } finally {
      storage.setMarkResourcesForReindexingUponSearchParameterChange(marking);
    }
    LOG.info("Installed FHIR package {}#{} in {} ms{}", profilePackage.id(), profilePackage.version(),
        System.currentTimeMillis() - start, nothingToReindex ? " (no records stored yet: nothing to reindex)" : "");
  }

  /** The store holds a resource that is not one of the conformance resources a package brings. */
  boolean holdsRecords() {
    String sql = "SELECT RES_ID FROM HFJ_RESOURCE WHERE RES_TYPE NOT IN ("
        + String.join(", ", Collections.nCopies(INSTALLED_TYPES.size(), "?")) + ")";
    try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
      st.setMaxRows(1);
      for (int i = 0; i < INSTALLED_TYPES.size(); i++) {
        st.setString(i + 1, INSTALLED_TYPES.get(i));
      }
      try (ResultSet rs = st.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not tell whether the store holds records: " + e.getMessage(), e);
    }
  }

  /**
   * The store holds a package of this id and version with the same bytes, and its profiles: an
   * install cut off half-way stores the package before its resources, so those are counted too.
   */
  private boolean alreadyInstalled() {
    try {
      IHapiPackageCacheManager.PackageContents stored = cache.loadPackageContents(profilePackage.id(), profilePackage.version());
      if (stored == null || !Arrays.equals(stored.getBytes(), profilePackage.bytes())) {
        return false;
      }
    } catch (RuntimeException notStored) {
      return false;
    }
    SearchParameterMap ours = SearchParameterMap.newSynchronous().add(StructureDefinition.SP_URL,
        new UriParam(profilePackage.canonical() + "/StructureDefinition/").setQualifier(UriParamQualifierEnum.BELOW));
    int installed = daos.getResourceDao(StructureDefinition.class).search(ours, new SystemRequestDetails()).size();
    return installed >= profilePackage.countOf("StructureDefinition");
  }
}
