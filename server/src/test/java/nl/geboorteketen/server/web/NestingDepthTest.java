package nl.geboorteketen.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NestingDepthTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      flat JSON                          | false | {"resourceType":"Patient","active":true}               | 3 | false
      JSON at the limit                  | false | {"a":[{"b":1}]}                                        | 3 | false
      JSON one over the limit            | false | {"a":[{"b":[1]}]}                                      | 3 | true
      brackets inside a string           | false | {"a":"[[[[{{{{"}                                       | 3 | false
      an escaped quote inside a string   | false | {"a":"\\"[[[[{{"}                                      | 3 | false
      an escaped backslash ends a string | false | {"a":"\\\\",\"b\":[[[1]]]}                              | 3 | true
      closed and opened again            | false | {"a":[1],"b":[2],"c":{"d":3}}                          | 2 | false
      flat XML                           | true  | <Patient><active value="true"/></Patient>              | 2 | false
      XML one over the limit             | true  | <a><b><c/></b></a>                                     | 2 | true
      tags in a comment and CDATA        | true  | <a><!-- <b><c><d> --><![CDATA[<b><c><d>]]></a>         | 1 | false
      XML that is not well formed        | true  | <a><b><c>                                              | 3 | false
      """)
  void countsOnlyStructure(String name, boolean xml, String body, int limit, boolean exceeds) {
    assertEquals(exceeds, NestingDepth.exceeds(body.getBytes(StandardCharsets.UTF_8), xml, limit), name);
  }
}
