package nl.geboorteketen.server.indication;

/** Canonical urls and codes the indication feature reads and writes; they live in the package. */
public final class IndicationCodes {

  public static final String BASE = "https://fhir.geboorteketen.nl";
  public static final String PROFILE = BASE + "/StructureDefinition/gk-kraamzorg-indication";
  public static final String EXT_PACKAGE = BASE + "/StructureDefinition/ext-lip-package";
  public static final String EXT_MOMENT = BASE + "/StructureDefinition/ext-lip-moment";
  public static final String EXT_COMPONENT = BASE + "/StructureDefinition/ext-lip-component";
  public static final String EXT_CARE_DAYS = BASE + "/StructureDefinition/ext-lip-care-days";
  public static final String EXT_PARTUS = BASE + "/StructureDefinition/ext-partus-assistance";
  public static final String EXT_RULE_TABLE = BASE + "/StructureDefinition/ext-lip-rule-table";
  public static final String EXT_DIGITAL_HOURS = BASE + "/StructureDefinition/ext-lip-digital-hours";
  public static final String EXT_OVERRIDE_REASON = BASE + "/StructureDefinition/ext-lip-override-reason";
  public static final String EXT_MATERNAL_RECORD = BASE + "/StructureDefinition/ext-maternal-record";
  public static final String CS_PACKAGE = BASE + "/CodeSystem/lip-package";
  public static final String CS_MOMENT = BASE + "/CodeSystem/lip-moment";
  public static final String CS_FACTOR = BASE + "/CodeSystem/lip-factor";
  public static final String CS_CONSENT_CATEGORY = BASE + "/CodeSystem/consent-category";
  public static final String CONSENT_DIGITAL_INSTRUCTION = "digitale-instructie";
  public static final String LIP_TABLE = BASE + "/Library/lip";
  public static final String SNOMED = "http://snomed.info/sct";
  public static final String KRAAMZORG_HOURS = "160631000146109";
  public static final String PARITY = "364325004";
  public static final String INTENDED_FEEDING = "169740003";
  public static final String OPERATION = BASE + "/OperationDefinition/lip-indicatie";

  private IndicationCodes() {}
}
