/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.runtime;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import org.junit.Test;

public class StartupExceptionTest {

    @Test
    public void aUrlIsPrintedWithoutItsPasswords() {
        assertThat(StartupException.withoutSecrets("jdbc:postgresql://db:5432/useit?user=dspace&password=s3cr&t=1"),
                   is("jdbc:postgresql://db:5432/useit?user=dspace&password=***&t=1"));
        assertThat(StartupException.withoutSecrets("jdbc:postgresql://db/useit?sslmode=require&sslPassword=k"),
                   is("jdbc:postgresql://db/useit?sslmode=require&sslPassword=***"));
        assertThat(StartupException.withoutSecrets("jdbc:sqlserver://db;databaseName=useit;PASSWORD=x;user=sa"),
                   is("jdbc:sqlserver://db;databaseName=useit;PASSWORD=***;user=sa"));
        assertThat(StartupException.withoutSecrets("http://solr:Pa55@solr.example.ac.uk:8983/solr"),
                   is("http://solr:***@solr.example.ac.uk:8983/solr"));
        assertThat(StartupException.withoutSecrets("jdbc:h2:file:/srv/data/useit;AUTO_SERVER=TRUE"),
                   is("jdbc:h2:file:/srv/data/useit;AUTO_SERVER=TRUE"));
        assertThat(StartupException.withoutSecrets("http://solr:p@ss@solr.example.ac.uk/solr?q=1"),
                   is("http://solr:***@solr.example.ac.uk/solr?q=1"));
        assertThat(StartupException.withoutSecrets("jdbc:postgresql://db/useit?password=a;b&ssl=true"),
                   is("jdbc:postgresql://db/useit?password=***&ssl=true"));
        assertThat(StartupException.withoutSecrets("https://solr/solr?apiKey=k1&authToken=t2"),
                   is("https://solr/solr?apiKey=***&authToken=***"));
        assertThat(StartupException.withoutSecrets("ConnectException: cannot reach http://u:pw@solr:8983/solr/oai"),
                   is("ConnectException: cannot reach http://u:***@solr:8983/solr/oai"));
        assertThat(StartupException.withoutSecrets(null), nullValue());
    }
}
