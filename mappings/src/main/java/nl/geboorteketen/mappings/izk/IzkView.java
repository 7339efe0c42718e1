package nl.geboorteketen.mappings.izk;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.convertors.factory.VersionConvertorFactory_30_40;
import org.hl7.fhir.dstu3.model.Base;
import org.hl7.fhir.dstu3.model.Property;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * One store, two views: our R4 records as the MedMij IZK's STU3 shapes, and an STU3 record written by
 * a chain partner as our R4 record. HL7's own convertor does the element work; on top of it, by the
 * table: the maternal-record link is STU3 {@code context}, Observation.focus is the STU3 focus
 * extension, ServiceRequest is ReferralRequest, and profile and extension URLs are the STU3 ones.
 * Pure: no storage, no HTTP.
 */
public final class IzkView {

  /** Tag system under which an R4 record keeps the STU3 profiles it was written with. */
  public static final String STU3_PROFILE_TAG = "https://fhir.geboorteketen.nl/CodeSystem/stu3-profile";

  private final IzkTable table;

  public IzkView(IzkTable table) {
    this.table = table;
  }

  public IzkTable table() {
    return table;
  }

  /** An R4 record of ours as the IZK's STU3 shape, knowing nothing beyond it. */
  public org.hl7.fhir.dstu3.model.Resource toStu3(org.hl7.fhir.r4.model.Resource record) {
    return toStu3(record, Map.of(), Map.of());
  }

  /**
   * An R4 record of ours as the IZK's STU3 shape. A Bundle's entries are each mapped. A role reference
   * STU3 does not take becomes the practitioner {@code practitionerOfRole} names, shown as
   * {@code displays} names it (both "Type/id" keyed).
   */
  public org.hl7.fhir.dstu3.model.Resource toStu3(org.hl7.fhir.r4.model.Resource record,
      Map<String, String> practitionerOfRole, Map<String, String> displays) {
    if (record instanceof org.hl7.fhir.r4.model.Bundle bundle) {
      return bundleToStu3(bundle, practitionerOfRole, displays);
    }
    org.hl7.fhir.r4.model.Resource in = record.copy();
    Reference maternalRecord = takeMaternalRecord(in);
    List<Reference> focus = in instanceof Observation o ? new ArrayList<>(o.getFocus()) : List.of();
    if (in instanceof Observation o) {
      Counts.toQuantities(o);
    }
    org.hl7.fhir.dstu3.model.Resource out = in instanceof ServiceRequest sr ? ReferralRequests.toStu3(sr)
        : VersionConvertorFactory_30_40.convertResource(in);
    ConvertorGaps.afterToStu3(in, out);
    if (maternalRecord != null) {
      setContext(out, (org.hl7.fhir.dstu3.model.Reference) VersionConvertorFactory_30_40.convertType(maternalRecord));
    }
    if (out instanceof org.hl7.fhir.dstu3.model.Observation o) {
      focus.forEach(f -> o.addExtension(table.observationFocusExtension(),
          (org.hl7.fhir.dstu3.model.Reference) VersionConvertorFactory_30_40.convertType(f)));
    }
    // a store keeps tags as a set: the display holds each profile's place
    List<String> written = out.getMeta().getTag().stream().filter(t -> STU3_PROFILE_TAG.equals(t.getSystem()))
        .sorted(java.util.Comparator.comparingInt(t -> place(t.getDisplay()))).map(t -> t.getCode()).toList();
    out.getMeta().getTag().removeIf(t -> STU3_PROFILE_TAG.equals(t.getSystem()));
    List<String> profiles = written.isEmpty()
        ? stu3Profiles(out.getMeta().getProfile().stream().map(p -> p.getValue()).toList()) : written;
    out.getMeta().setProfile(profiles.stream().map(org.hl7.fhir.dstu3.model.UriType::new).toList());
    Additions.toStu3(out, table.additions());
    PractitionerRoles.toStu3(out, table.practitionerRoleExtension(), practitionerOfRole, displays::get);
    Elements.rename(Elements.STU3, out, table::extensionToStu3, table::stu3Type, table::systemToStu3);
    return out;
  }

  /** An STU3 record as our R4 record, ready to be validated and stored like any R4 write. */
  public org.hl7.fhir.r4.model.Resource toR4(org.hl7.fhir.dstu3.model.Resource record) {
    org.hl7.fhir.dstu3.model.Resource in = faithfulCopy(record);
    Elements.rename(Elements.STU3, in, table::extensionToR4, table::r4Type, table::systemToR4);
    org.hl7.fhir.dstu3.model.Reference context = takeEpisodeContext(in);
    List<org.hl7.fhir.dstu3.model.Reference> focus = new ArrayList<>();
    if (in instanceof org.hl7.fhir.dstu3.model.Observation o) {
      o.getExtensionsByUrl(table.observationFocusExtension()).forEach(e -> focus.add((org.hl7.fhir.dstu3.model.Reference) e.getValue()));
      o.getExtension().removeIf(e -> table.observationFocusExtension().equals(e.getUrl()));
    }
    Additions.offForR4(in, table.additions());
    List<String> stu3Profiles = in.getMeta().getProfile().stream().map(p -> p.getValue()).toList();
    org.hl7.fhir.r4.model.Resource out = in instanceof org.hl7.fhir.dstu3.model.ReferralRequest rr
        ? ReferralRequests.toR4(rr) : VersionConvertorFactory_30_40.convertResource(in);
    ConvertorGaps.afterToR4(in, out);
    Elements.rename(Elements.R4, out, u -> u, table::r4Type, s -> s);
    if (context != null && out instanceof DomainResource d) {
      d.addExtension(table.maternalRecordExtension(), VersionConvertorFactory_30_40.convertType(context));
    }
    if (out instanceof Observation o) {
      focus.forEach(f -> o.addFocus((Reference) VersionConvertorFactory_30_40.convertType(f)));
      Counts.toIntegers(o);
    }
    // Our own profile is chosen from the record's codes when it is stored, as for any R4 write without
    // one; the STU3 profiles it was written with are kept as tags, so it reads back with exactly those.
    out.getMeta().getProfile().clear();
    for (int i = 0; i < stu3Profiles.size(); i++) {
      out.getMeta().addTag(STU3_PROFILE_TAG, stu3Profiles.get(i), String.valueOf(i + 1));
    }
    return out;
  }

  private static int place(String display) {
    try {
      return display == null ? Integer.MAX_VALUE : Integer.parseInt(display);
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }

  /** The STU3 profiles for these R4 ones; an R4 profile the table does not know has no STU3 twin and is left out. */
  List<String> stu3Profiles(List<String> r4Profiles) {
    Set<String> out = new LinkedHashSet<>();
    for (String r4 : r4Profiles) {
      table.profiles().stream().filter(row -> row.r4().equals(r4)).findFirst().ifPresent(row -> out.addAll(row.stu3()));
    }
    return List.copyOf(out);
  }

  private org.hl7.fhir.dstu3.model.Bundle bundleToStu3(org.hl7.fhir.r4.model.Bundle in,
      Map<String, String> practitionerOfRole, Map<String, String> displays) {
    org.hl7.fhir.r4.model.Bundle shell = in.copy();
    shell.getEntry().clear();
    org.hl7.fhir.dstu3.model.Bundle out = (org.hl7.fhir.dstu3.model.Bundle) VersionConvertorFactory_30_40.convertResource(shell);
    for (org.hl7.fhir.r4.model.Bundle.BundleEntryComponent e : in.getEntry()) {
      org.hl7.fhir.dstu3.model.Bundle.BundleEntryComponent entry = out.addEntry();
      entry.setFullUrl(e.getFullUrl());
      if (e.hasResource()) {
        entry.setResource(toStu3(e.getResource(), practitionerOfRole, displays));
      }
      if (e.hasSearch()) {
        entry.getSearch().setModeElement(new org.hl7.fhir.dstu3.model.Enumeration<>(
            new org.hl7.fhir.dstu3.model.Bundle.SearchEntryModeEnumFactory(), e.getSearch().getMode().toCode()));
      }
    }
    return out;
  }

  private Reference takeMaternalRecord(org.hl7.fhir.r4.model.Resource in) {
    if (!(in instanceof DomainResource d) || !table.contextTypes().contains(table.stu3Type(in.fhirType()))) {
      return null;
    }
    Extension ext = d.getExtensionByUrl(table.maternalRecordExtension());
    if (ext == null || !(ext.getValue() instanceof Reference ref)) {
      return null;
    }
    d.getExtension().remove(ext);
    return ref;
  }

  private org.hl7.fhir.dstu3.model.Reference takeEpisodeContext(org.hl7.fhir.dstu3.model.Resource in) {
    if (!table.contextTypes().contains(in.fhirType())) {
      return null;
    }
    Property context = in.getNamedProperty("context");
    if (context == null || context.getValues().isEmpty()
        || !(context.getValues().get(0) instanceof org.hl7.fhir.dstu3.model.Reference ref)
        || ref.getReference() == null || !ref.getReference().startsWith("EpisodeOfCare/")) {
      return null;
    }
    in.setProperty("context", new org.hl7.fhir.dstu3.model.Reference());
    return ref;
  }

  /** The STU3 model's copy() drops extensions on primitives (a given-name qualifier, a house number); the parser keeps them. */
  private static org.hl7.fhir.dstu3.model.Resource faithfulCopy(org.hl7.fhir.dstu3.model.Resource record) {
    var parser = Elements.STU3.newJsonParser();
    return (org.hl7.fhir.dstu3.model.Resource) parser.parseResource(parser.encodeResourceToString(record));
  }

  private static void setContext(org.hl7.fhir.dstu3.model.Resource out, Base reference) {
    out.setProperty("context", reference);
  }
}
