/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.runtime;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.Test;

public class StartupExceptionTest {

    @Test
    public void aUrlIsPrintedWithoutItsPasswords() {
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("jdbc:postgresql://db:5432/useit?user=dspace&password=s3cr&t=1",
                  "jdbc:postgresql://db:5432/useit?user=dspace&password=***&t=1");
        shown.put("jdbc:postgresql://db/useit?sslmode=require&sslPassword=k",
                  "jdbc:postgresql://db/useit?sslmode=require&sslPassword=***");
        shown.put("jdbc:postgresql://db/useit?password=a;b&ssl=true",
                  "jdbc:postgresql://db/useit?password=***&ssl=true");
        shown.put("jdbc:sqlserver://db;databaseName=useit;PASSWORD=x;user=sa",
                  "jdbc:sqlserver://db;databaseName=useit;PASSWORD=***;user=sa");
        shown.put("http://solr:Pa55@solr.example.ac.uk:8983/solr", "http://solr:***@solr.example.ac.uk:8983/solr");
        shown.put("http://solr:p@ss@solr.example.ac.uk/solr?q=1", "http://solr:***@solr.example.ac.uk/solr?q=1");
        shown.put("https://solr/solr?apiKey=k1&authToken=t2", "https://solr/solr?apiKey=***&authToken=***");
        shown.put("ConnectException: cannot reach http://u:pw@solr:8983/solr/oai",
                  "ConnectException: cannot reach http://u:***@solr:8983/solr/oai");
        shown.put("jdbc:h2:file:/srv/data/useit;AUTO_SERVER=TRUE", "jdbc:h2:file:/srv/data/useit;AUTO_SERVER=TRUE");
        shown.forEach((given, expected) -> assertThat(given, StartupException.withoutSecrets(given), is(expected)));
        assertThat(StartupException.withoutSecrets(null), nullValue());
    }
}
