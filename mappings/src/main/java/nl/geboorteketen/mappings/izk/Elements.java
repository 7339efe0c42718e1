package nl.geboorteketen.mappings.izk;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.BundleUtil;
import ca.uhn.fhir.util.IModelVisitor;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.instance.model.api.IBaseCoding;
import org.hl7.fhir.instance.model.api.IBaseExtension;
import org.hl7.fhir.instance.model.api.IBaseReference;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Every element of a record, in either FHIR version, by HAPI's own terser (extensions on backbone
 * elements and contained resources included); and the renames the IZK table asks for.
 */
final class Elements {

  static final FhirContext STU3 = FhirContext.forDstu3Cached();
  static final FhirContext R4 = FhirContext.forR4Cached();

  private Elements() {}

  static void rename(FhirContext ctx, IBaseResource record, UnaryOperator<String> extensionUrl,
      UnaryOperator<String> referenceType, UnaryOperator<String> codeSystem) {
    forEach(ctx, record, element -> {
      if (element instanceof IBaseExtension<?, ?> e && e.getUrl() != null) {
        e.setUrl(extensionUrl.apply(e.getUrl()));
      }
      if (element instanceof IBaseCoding c && c.getSystem() != null) {
        c.setSystem(codeSystem.apply(c.getSystem()));
      }
      if (element instanceof IBaseReference r && r.getReferenceElement().getValue() != null) {
        r.setReference(renameType(r.getReferenceElement().getValue(), referenceType));
      }
    });
  }

  /** Visits every element; a Bundle's entries are each visited too (the terser stops at them). */
  static void forEach(FhirContext ctx, IBaseResource record, Consumer<IBase> visitor) {
    if (record instanceof IBaseBundle bundle) {
      BundleUtil.toListOfResources(ctx, bundle).forEach(entry -> forEach(ctx, entry, visitor));
    }
    ctx.newTerser().visit(record, new IModelVisitor() {
      @Override
      public void acceptElement(IBaseResource resource, IBase element, List<String> path,
          BaseRuntimeChildDefinition child, BaseRuntimeElementDefinition<?> definition) {
        visitor.accept(element);
      }
    });
  }

  /** {@code ServiceRequest/1} becomes {@code ReferralRequest/1} when the table says so; absolute and other references stay. */
  static String renameType(String reference, UnaryOperator<String> type) {
    int slash = reference.indexOf('/');
    return slash <= 0 ? reference : type.apply(reference.substring(0, slash)) + reference.substring(slash);
  }
}
