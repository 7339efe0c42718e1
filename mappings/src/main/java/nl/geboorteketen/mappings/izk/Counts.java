package nl.geboorteketen.mappings.izk;

import java.math.BigDecimal;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Type;

/**
 * STU3 Observations have no integer value: a count (gravidity, parity, an Apgar score) is a Quantity
 * of UCUM unit "1" there, as the zib2017 profiles say. A whole-number Quantity of unit "1" becomes an
 * integer again on the way back, as the zib2020 profiles want it.
 */
final class Counts {

  private static final String UCUM = "http://unitsofmeasure.org";

  private Counts() {}

  static void toQuantities(Observation o) {
    o.setValue(toQuantity(o.getValue()));
    o.getComponent().forEach(c -> c.setValue(toQuantity(c.getValue())));
  }

  static void toIntegers(Observation o) {
    o.setValue(toInteger(o.getValue()));
    o.getComponent().forEach(c -> c.setValue(toInteger(c.getValue())));
  }

  private static Type toQuantity(Type value) {
    if (value instanceof IntegerType i && i.getValue() != null) {
      return new Quantity().setValue(i.getValue()).setUnit("1").setSystem(UCUM).setCode("1");
    }
    return value;
  }

  private static Type toInteger(Type value) {
    if (value instanceof Quantity q && UCUM.equals(q.getSystem()) && "1".equals(q.getCode()) && q.getValue() != null
        && !q.hasComparator() && q.getValue().stripTrailingZeros().scale() <= 0
        && q.getValue().abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
      return new IntegerType(q.getValue().intValueExact());
    }
    return value;
  }
}
