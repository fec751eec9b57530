<?xml version="1.0" encoding="UTF-8"?>
<!--
  USE-IT! repository addon for DSpace.
  Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.

  USE-IT! crosswalk: DSpace's XOAI item document to the RIOXX application profile v3.0 (metadataPrefix "rioxx",
  namespace http://www.rioxx.net/schema/v3.0/rioxx/, schema http://www.rioxx.net/schema/v3.0/rioxx/rioxx.xsd,
  XSD 1.1). xoai.xml offers it for research outputs only: case studies and Library outputs.

  The published XSD is stricter than RIOXX's prose: every property occurs at most once (its xs:all gives no
  maxOccurs), dc:* properties take no attributes (they are DCMI's SimpleLiteral), rioxxterms:creator needs both a
  name and an id, and rioxxterms:grant has no room for text. The record is written to validate:
  - dc:identifier: exactly one, the landing page ([dspace.ui.url]/handle/[handle]);
  - dc:title: the first title (xoai.xml offers the format for items with a dc.title only: the XSD wants one, and
    no placeholder stands in for it); dc:description: the abstract, else the description, else the learning objective;
  - dc:language: the first language, else "und" (ISO 639-3 "undetermined");
  - dc:type: the COAR type URI of useit.outputType, else by item type (case study: text, otherwise: other);
  - dcterms:dateAccepted: dcterms.dateAccepted, else the issue date, else the deposit date (date part);
  - rioxxterms:creator: the first author, else the publisher, else the repository; an identifier only when the
    value has an http(s) authority (the repository: its URL), else "unknown", the XSD's own default for it;
  - rioxxterms:project: the landing page of the first related project, else "unknown";
  - dc:subject, dc:coverage: all values, joined with "; " (the XSD allows one element);
  - dc:relation: the full text, i.e. the primary file of the ORIGINAL bundle when it is open, else its first open
    file (a restricted primary file does not hide an open one);
  - rioxxterms:grant: funder name and Crossref Funder ID (attributes only, so no award number);
  - rioxxterms:publication_date: the issue date when it is a whole day (the XSD types it xs:date);
  - dates that are not W3CDTF (YYYY, YYYY-MM, YYYY-MM-DD) or name no real day are passed over.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:doc="http://www.lyncode.com/xoai"
                xmlns:dc="http://purl.org/dc/elements/1.1/"
                xmlns:dcterms="http://purl.org/dc/terms/"
                xmlns:rioxxterms="http://www.rioxx.net/schema/v3.0/rioxxterms/"
                exclude-result-prefixes="doc">
    <xsl:output method="xml" omit-xml-declaration="yes" indent="no"/>

    <!-- one line in every record: a line break inside the attribute would reach each record as spaces -->
    <xsl:variable name="schema-location" select="concat('http://www.rioxx.net/schema/v3.0/rioxx/', ' ',
                                                  'http://www.rioxx.net/schema/v3.0/rioxx/rioxx.xsd')"/>

    <xsl:variable name="md" select="/doc:metadata"/>
    <xsl:variable name="dc" select="$md/doc:element[@name='dc']"/>
    <xsl:variable name="dcterms" select="$md/doc:element[@name='dcterms']"/>
    <xsl:variable name="u" select="$md/doc:element[@name='useit']"/>
    <xsl:variable name="oaire" select="$md/doc:element[@name='oaire']"/>
    <xsl:variable name="ui" select="$md/doc:element[@name='repository']/doc:field[@name='url']"/>
    <xsl:variable name="landing"
                  select="concat($ui, '/handle/', $md/doc:element[@name='others']/doc:field[@name='handle'])"/>
    <xsl:variable name="coar" select="'http://purl.org/coar/resource_type/'"/>

    <xsl:template match="/">
        <rioxx xmlns="http://www.rioxx.net/schema/v3.0/rioxx/"
               xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
               xsi:schemaLocation="{$schema-location}">
            <xsl:call-template name="joined-element">
                <xsl:with-param name="name" select="'dc:coverage'"/>
                <xsl:with-param name="nodes" select="$dc/doc:element[@name='coverage']//doc:field[@name='value']
                                                     | $u/doc:element[@name='place']//doc:field[@name='value']"/>
            </xsl:call-template>
            <!-- one description: an illustrative record's note (added when it was indexed) comes first -->
            <xsl:variable name="note" select="($dc/doc:element[@name='description']/doc:element
                /doc:field[@name='value'][starts-with(normalize-space(.), 'Illustrative record')])[1]"/>
            <xsl:call-template name="first-element">
                <xsl:with-param name="name" select="'dc:description'"/>
                <xsl:with-param name="prefix" select="normalize-space($note)"/>
                <xsl:with-param name="nodes" select="$dc/doc:element[@name='description']
                    /doc:element[@name='abstract']//doc:field[@name='value']"/>
                <xsl:with-param name="otherwise" select="$dc/doc:element[@name='description']
                    /doc:element/doc:field[@name='value'][not(starts-with(normalize-space(.), 'Illustrative record'))]
                    | $u/doc:element[@name='objective']//doc:field[@name='value']"/>
            </xsl:call-template>
            <dc:identifier><xsl:value-of select="$landing"/></dc:identifier>
            <xsl:variable name="language"
                select="($dc/doc:element[@name='language']//doc:field[@name='value'][normalize-space(.) != ''])[1]"/>
            <dc:language>
                <xsl:choose>
                    <xsl:when test="$language"><xsl:value-of select="normalize-space($language)"/></xsl:when>
                    <xsl:otherwise>und</xsl:otherwise>
                </xsl:choose>
            </dc:language>
            <xsl:call-template name="first-element">
                <xsl:with-param name="name" select="'dc:publisher'"/>
                <xsl:with-param name="nodes" select="$dc/doc:element[@name='publisher']//doc:field[@name='value']"/>
            </xsl:call-template>
            <xsl:variable name="open" select="$md/doc:element[@name='bundles']/doc:element[@name='bundle']
                                   [doc:field[@name='name'] = 'ORIGINAL']//doc:element[@name='bitstream']
                                   [doc:field[@name='access'] = 'open'][doc:field[@name='url']]"/>
            <xsl:choose>
                <xsl:when test="$open[doc:field[@name='primary'] = 'true']">
                    <dc:relation><xsl:value-of select="$open[doc:field[@name='primary'] = 'true'][1]
                                                       /doc:field[@name='url']"/></dc:relation>
                </xsl:when>
                <xsl:when test="$open">
                    <dc:relation><xsl:value-of select="$open[1]/doc:field[@name='url']"/></dc:relation>
                </xsl:when>
            </xsl:choose>
            <xsl:call-template name="joined-element">
                <xsl:with-param name="name" select="'dc:subject'"/>
                <xsl:with-param name="nodes" select="$dc/doc:element[@name='subject']//doc:field[@name='value']
                                                     | $u/doc:element[@name='strand']//doc:field[@name='value']"/>
            </xsl:call-template>
            <xsl:call-template name="first-element">
                <xsl:with-param name="name" select="'dc:title'"/>
                <xsl:with-param name="nodes"
                                select="$dc/doc:element[@name='title']/doc:element/doc:field[@name='value']"/>
                <xsl:with-param name="otherwise"
                                select="$dcterms/doc:element[@name='title']//doc:field[@name='value']"/>
            </xsl:call-template>
            <dc:type><xsl:call-template name="coar-type"/></dc:type>
            <dcterms:dateAccepted><xsl:call-template name="date-accepted"/></dcterms:dateAccepted>
            <xsl:call-template name="creator"/>
            <xsl:call-template name="grant"/>
            <xsl:variable name="project" select="($md/doc:element[@name='relation']
                /doc:element[starts-with(@name, 'isProjectOf')]/doc:element/doc:field[@name='value'])[1]"/>
            <rioxxterms:project>
                <xsl:choose>
                    <xsl:when test="normalize-space($project) != ''">
                        <xsl:value-of select="concat($ui, '/items/', normalize-space($project))"/>
                    </xsl:when>
                    <xsl:otherwise>unknown</xsl:otherwise>
                </xsl:choose>
            </rioxxterms:project>
            <xsl:variable name="published">
                <xsl:call-template name="w3cdtf">
                    <xsl:with-param name="value" select="($dc/doc:element[@name='date']/doc:element[@name='issued']
                                                          //doc:field[@name='value'])[1]"/>
                </xsl:call-template>
            </xsl:variable>
            <xsl:if test="string-length($published) = 10">
                <rioxxterms:publication_date><xsl:value-of select="$published"/></rioxxterms:publication_date>
            </xsl:if>
            <xsl:variable name="released" select="($dc/doc:element[@name='date']/doc:element[@name='available']
                                                   //doc:field[@name='value'])[1]"/>
            <xsl:if test="normalize-space($released) != ''">
                <rioxxterms:record_public_release_date>
                    <xsl:value-of select="substring(normalize-space($released), 1, 10)"/>
                </rioxxterms:record_public_release_date>
            </xsl:if>
        </rioxx>
    </xsl:template>

    <!-- The first author, else the publisher, else the repository: the XSD wants exactly one creator. -->
    <xsl:template name="creator">
        <xsl:variable name="author" select="($dc/doc:element[@name='contributor']/doc:element[@name='author']
                                             //doc:field[@name='value'][normalize-space(.) != '']
                                             | $dc/doc:element[@name='creator']
                                             //doc:field[@name='value'][normalize-space(.) != ''])[1]"/>
        <xsl:variable name="publisher"
            select="($dc/doc:element[@name='publisher']//doc:field[@name='value'][normalize-space(.) != ''])[1]"/>
        <rioxxterms:creator>
            <xsl:choose>
                <xsl:when test="$author">
                    <xsl:attribute name="first-named-author">true</xsl:attribute>
                    <rioxxterms:name><xsl:value-of select="normalize-space($author)"/></rioxxterms:name>
                    <!-- a value's authority is the field right after it -->
                    <xsl:variable name="authority"
                        select="normalize-space($author/following-sibling::doc:field[1][@name='authority'])"/>
                    <rioxxterms:id>
                        <xsl:choose>
                            <xsl:when test="starts-with($authority, 'https://') or starts-with($authority, 'http://')">
                                <xsl:value-of select="$authority"/>
                            </xsl:when>
                            <xsl:otherwise>unknown</xsl:otherwise>
                        </xsl:choose>
                    </rioxxterms:id>
                </xsl:when>
                <xsl:when test="$publisher">
                    <rioxxterms:name><xsl:value-of select="normalize-space($publisher)"/></rioxxterms:name>
                    <rioxxterms:id>unknown</rioxxterms:id>
                </xsl:when>
                <xsl:otherwise>
                    <rioxxterms:name>
                        <xsl:value-of select="$md/doc:element[@name='repository']/doc:field[@name='name']"/>
                    </rioxxterms:name>
                    <rioxxterms:id><xsl:value-of select="$ui"/></rioxxterms:id>
                </xsl:otherwise>
            </xsl:choose>
        </rioxxterms:creator>
    </xsl:template>

    <!-- Both attributes are required by the XSD; a funder without a Crossref Funder ID URL is left out. -->
    <xsl:template name="grant">
        <xsl:variable name="name" select="normalize-space(($oaire/doc:element[@name='funderName']
                                                            //doc:field[@name='value'])[1])"/>
        <xsl:variable name="id" select="normalize-space(($oaire/doc:element[@name='funderIdentifier']
                                                          //doc:field[@name='value'])[1])"/>
        <xsl:if test="$name != '' and (starts-with($id, 'https://') or starts-with($id, 'http://'))">
            <rioxxterms:grant funder_name="{$name}" funder_id="{$id}"/>
        </xsl:if>
    </xsl:template>

    <xsl:template name="coar-type">
        <xsl:variable name="declared"
            select="normalize-space(($u/doc:element[@name='outputType']//doc:field[@name='value'])[1])"/>
        <xsl:variable name="entity" select="($md/doc:element[@name='dspace']/doc:element[@name='entity']
                                             /doc:element[@name='type']//doc:field[@name='value'])[1]"/>
        <xsl:choose>
            <xsl:when test="starts-with($declared, $coar) and string-length($declared) &gt; string-length($coar)">
                <xsl:value-of select="$declared"/>
            </xsl:when>
            <xsl:when test="$entity = 'CaseStudy'"><xsl:value-of select="concat($coar, 'c_18cf')"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="concat($coar, 'c_1843')"/></xsl:otherwise>
        </xsl:choose>
    </xsl:template>

    <!-- dcterms.dateAccepted, else dc.date.issued, else dc.date.accessioned, else dc.date.available (W3CDTF). -->
    <xsl:template name="date-accepted">
        <xsl:variable name="dates" select="$dc/doc:element[@name='date']"/>
        <xsl:variable name="accepted">
            <xsl:call-template name="w3cdtf">
                <xsl:with-param name="value"
                    select="($dcterms/doc:element[@name='dateAccepted']//doc:field[@name='value'])[1]"/>
            </xsl:call-template>
        </xsl:variable>
        <xsl:variable name="issued">
            <xsl:call-template name="w3cdtf">
                <xsl:with-param name="value"
                    select="($dates/doc:element[@name='issued']//doc:field[@name='value'])[1]"/>
            </xsl:call-template>
        </xsl:variable>
        <xsl:variable name="accessioned">
            <xsl:call-template name="w3cdtf">
                <xsl:with-param name="value"
                    select="($dates/doc:element[@name='accessioned']//doc:field[@name='value'])[1]"/>
            </xsl:call-template>
        </xsl:variable>
        <xsl:choose>
            <xsl:when test="$accepted != ''"><xsl:value-of select="$accepted"/></xsl:when>
            <xsl:when test="$issued != ''"><xsl:value-of select="$issued"/></xsl:when>
            <xsl:when test="$accessioned != ''"><xsl:value-of select="$accessioned"/></xsl:when>
            <xsl:otherwise>
                <xsl:call-template name="w3cdtf">
                    <xsl:with-param name="value"
                        select="($dates/doc:element[@name='available']//doc:field[@name='value'])[1]"/>
                </xsl:call-template>
            </xsl:otherwise>
        </xsl:choose>
    </xsl:template>

    <!-- The YYYY, YYYY-MM or YYYY-MM-DD head of a date or timestamp; empty when the value is none of these or
         names a day the calendar does not have. -->
    <xsl:template name="w3cdtf">
        <xsl:param name="value"/>
        <xsl:variable name="v" select="normalize-space($value)"/>
        <xsl:variable name="shape" select="translate($v, '0123456789', '9999999999')"/>
        <xsl:choose>
            <xsl:when test="starts-with($shape, '9999-99-99')
                            and (string-length($v) = 10 or substring($v, 11, 1) = 'T')">
                <xsl:call-template name="existing-day"><xsl:with-param name="day" select="substring($v, 1, 10)"/>
                </xsl:call-template>
            </xsl:when>
            <xsl:when test="$shape = '9999-99' and number(substring($v, 6, 2)) &gt;= 1
                            and number(substring($v, 6, 2)) &lt;= 12">
                <xsl:value-of select="$v"/>
            </xsl:when>
            <xsl:when test="$shape = '9999'"><xsl:value-of select="$v"/></xsl:when>
        </xsl:choose>
    </xsl:template>

    <!-- A YYYY-MM-DD day when the calendar has it (xs:date rejects 2020-02-30); else empty. -->
    <xsl:template name="existing-day">
        <xsl:param name="day"/>
        <xsl:variable name="y" select="number(substring($day, 1, 4))"/>
        <xsl:variable name="m" select="number(substring($day, 6, 2))"/>
        <xsl:variable name="d" select="number(substring($day, 9, 2))"/>
        <xsl:variable name="leap" select="($y mod 4 = 0 and $y mod 100 != 0) or $y mod 400 = 0"/>
        <xsl:variable name="last">
            <xsl:choose>
                <xsl:when test="$m = 2 and $leap">29</xsl:when>
                <xsl:when test="$m = 2">28</xsl:when>
                <xsl:when test="$m = 4 or $m = 6 or $m = 9 or $m = 11">30</xsl:when>
                <xsl:otherwise>31</xsl:otherwise>
            </xsl:choose>
        </xsl:variable>
        <xsl:if test="$y &gt; 0 and $m &gt;= 1 and $m &lt;= 12 and $d &gt;= 1 and $d &lt;= number($last)">
            <xsl:value-of select="$day"/>
        </xsl:if>
    </xsl:template>

    <!-- One element (in the dc namespace) with the first non-blank value of nodes, else of otherwise; nothing when
         both are empty. -->
    <xsl:template name="first-element">
        <xsl:param name="name"/>
        <xsl:param name="nodes" select="$md[false()]"/>
        <xsl:param name="otherwise" select="$md[false()]"/>
        <xsl:param name="prefix" select="''"/>
        <xsl:variable name="first" select="$nodes[normalize-space(.) != ''][1]"/>
        <xsl:variable name="second" select="$otherwise[normalize-space(.) != ''][1]"/>
        <xsl:variable name="chosen">
            <xsl:choose>
                <xsl:when test="$first"><xsl:value-of select="normalize-space($first)"/></xsl:when>
                <xsl:when test="$second"><xsl:value-of select="normalize-space($second)"/></xsl:when>
            </xsl:choose>
        </xsl:variable>
        <xsl:variable name="value" select="normalize-space(concat($prefix, ' ', $chosen))"/>
        <xsl:if test="$value != ''">
            <xsl:element name="{$name}" namespace="http://purl.org/dc/elements/1.1/">
                <xsl:value-of select="$value"/>
            </xsl:element>
        </xsl:if>
    </xsl:template>

    <!-- One element (in the dc namespace) with every distinct non-blank value, joined with "; ". -->
    <xsl:template name="joined-element">
        <xsl:param name="name"/>
        <xsl:param name="nodes"/>
        <xsl:variable name="all">
            <xsl:for-each select="$nodes">
                <xsl:variable name="i" select="position()"/>
                <xsl:variable name="v" select="normalize-space(.)"/>
                <xsl:if test="$v != '' and not($nodes[position() &lt; $i][normalize-space(.) = $v])">
                    <xsl:value-of select="concat('; ', $v)"/>
                </xsl:if>
            </xsl:for-each>
        </xsl:variable>
        <xsl:if test="$all != ''">
            <xsl:element name="{$name}" namespace="http://purl.org/dc/elements/1.1/">
                <xsl:value-of select="substring($all, 3)"/>
            </xsl:element>
        </xsl:if>
    </xsl:template>
</xsl:stylesheet>
