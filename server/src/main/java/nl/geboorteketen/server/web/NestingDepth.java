package nl.geboorteketen.server.web;

import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * How deeply a request body nests. The validator walks a resource recursively and overflows its
 * thread's stack 300 to 400 extensions down (600 to 800 JSON levels), within the parser's 1,000, so a
 * body that nests deeper than any FHIR record does is refused before it is parsed.
 */
final class NestingDepth {

  private NestingDepth() {
  }

  /** Whether the body nests deeper than the limit; a body that is not well formed is the parser's to refuse. */
  static boolean exceeds(byte[] body, boolean xml, int limit) {
    return xml ? xmlExceeds(body, limit) : jsonExceeds(body, limit);
  }

  private static boolean jsonExceeds(byte[] body, int limit) {
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < body.length; i++) {
      byte b = body[i];
      if (inString) {
        if (b == '\\') {
          i++;
        } else if (b == '"') {
          inString = false;
        }
      } else if (b == '"') {
        inString = true;
      } else if (b == '{' || b == '[') {
        if (++depth > limit) {
          return true;
        }
      } else if (b == '}' || b == ']') {
        depth--;
      }
    }
    return false;
  }

  private static boolean xmlExceeds(byte[] body, int limit) {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try {
      XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(body));
      int depth = 0;
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.START_ELEMENT && ++depth > limit) {
          return true;
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          depth--;
        }
      }
      return false;
    } catch (XMLStreamException notWellFormed) {
      return false;
    }
  }
}
