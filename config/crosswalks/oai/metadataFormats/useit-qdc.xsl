<?xml version="1.0" encoding="UTF-8"?>
<!--
  USE-IT! repository addon for DSpace.
  Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.

  USE-IT! crosswalk: DSpace's XOAI item document to qualified Dublin Core (metadataPrefix "qdc"): DCMI's fifteen
  elements (http://purl.org/dc/elements/1.1/) and DCMI terms (http://purl.org/dc/terms/) in a qdc:qualifieddc
  container of the project's namespace https://w3id.org/useit/ns/qdc/1.0/ (schema eu/useit/oaicheck/qdc.xsd in
  the OAI-PMH checker's jar, which takes the DC elements and terms from DCMI's own schemas).

  - the titles come first (dc.title, dcterms.title; xoai.xml offers the format for items with
    a dc.title only, as the schema wants a title and no placeholder stands in for it), then dc:identifier with the
    landing page ([dspace.ui.url]/handle/[handle]);
  - dc.<element> is dc:<element>; dc.<element>.<qualifier> is the DCMI term that refines the element when there is
    one (dc.date.issued: dcterms:issued, dc.description.abstract: dcterms:abstract ...), else dc:<element>;
    dc.contributor.author is dc:creator; dcterms.<term> is dcterms:<term> for the DCMI terms;
  - internal bookkeeping is never shown: dc.description.provenance, dc.date.accessioned;
  - USE-IT! fields: strands are subjects, places are dcterms:spatial, the learning objective is a description,
    the COAR output type is a dc:type, the sources of a record's facts are dc:source;
  - related items (projects, partners) are dc:relation with their landing page ([dspace.ui.url]/items/[uuid]);
  - access rights are the COAR access-right URI of the item as anonymous users see it (others/useit-access,
    written by the addon's compile plugin) in dcterms:accessRights; the open files of the ORIGINAL bundle, and
    only those, are further dc:identifier values (full-text links, where CORE looks for them);
  - blank values are dropped, so no element is empty.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:doc="http://www.lyncode.com/xoai"
                xmlns:dc="http://purl.org/dc/elements/1.1/"
                xmlns:dcterms="http://purl.org/dc/terms/"
                xmlns:qdc="https://w3id.org/useit/ns/qdc/1.0/"
                exclude-result-prefixes="doc">
    <xsl:output method="xml" omit-xml-declaration="yes" indent="no"/>

    <!-- one line in every record: a line break inside the attribute would reach each record as spaces -->
    <xsl:variable name="schema-location" select="concat('https://w3id.org/useit/ns/qdc/1.0/', ' ',
                                                  'https://w3id.org/useit/ns/qdc/1.0/qdc.xsd')"/>

    <xsl:variable name="md" select="/doc:metadata"/>
    <xsl:variable name="dc" select="$md/doc:element[@name='dc']"/>
    <xsl:variable name="u" select="$md/doc:element[@name='useit']"/>
    <xsl:variable name="ui" select="$md/doc:element[@name='repository']/doc:field[@name='url']"/>
    <xsl:variable name="landing"
                  select="concat($ui, '/handle/', $md/doc:element[@name='others']/doc:field[@name='handle'])"/>
    <xsl:variable name="access-right"
                  select="$md/doc:element[@name='others']/doc:element[@name='useit-access']/doc:field[@name='coar']"/>
    <xsl:variable name="elements" select="concat(' contributor coverage creator date description format identifier',
        ' language publisher relation rights source subject title type ')"/>
    <!-- DCMI terms: the fifteen elements again, their refinements and the other properties -->
    <xsl:variable name="terms" select="concat($elements, 'abstract accessRights accrualMethod accrualPeriodicity',
        ' accrualPolicy alternative audience available bibliographicCitation conformsTo created dateAccepted',
        ' dateCopyrighted dateSubmitted educationLevel extent hasFormat hasPart hasVersion instructionalMethod',
        ' isFormatOf isPartOf isReferencedBy isReplacedBy isRequiredBy issued isVersionOf license mediator medium',
        ' modified provenance references replaces requires rightsHolder spatial tableOfContents temporal valid ')"/>
    <!-- DSpace dc.<element>.<qualifier> fields that are a DCMI refinement, as " element.qualifier=term " -->
    <xsl:variable name="refinements" select="concat(' title.alternative=alternative',
        ' description.abstract=abstract description.tableofcontents=tableOfContents date.issued=issued',
        ' date.available=available date.created=created date.copyright=dateCopyrighted date.submitted=dateSubmitted',
        ' coverage.spatial=spatial coverage.temporal=temporal format.extent=extent format.medium=medium',
        ' identifier.citation=bibliographicCitation relation.ispartof=isPartOf relation.ispartofseries=isPartOf',
        ' relation.haspart=hasPart relation.isversionof=isVersionOf relation.hasversion=hasVersion',
        ' relation.isreferencedby=isReferencedBy relation.requires=requires relation.replaces=replaces',
        ' relation.isreplacedby=isReplacedBy relation.isformatof=isFormatOf rights.license=license ')"/>

    <xsl:template match="/">
        <qdc:qualifieddc xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="{$schema-location}">
            <!-- the schema wants a title first -->
            <xsl:variable name="titles" select="$dc/doc:element[@name='title']/doc:element/doc:field[@name='value']
                                                [normalize-space(.) != '']"/>
            <xsl:variable name="termTitles" select="$md/doc:element[@name='dcterms']/doc:element[@name='title']
                                                    //doc:field[@name='value'][normalize-space(.) != '']"/>
            <xsl:apply-templates mode="value" select="$titles"><xsl:with-param name="as" select="'dc:title'"/>
            </xsl:apply-templates>
            <xsl:apply-templates mode="value" select="$termTitles"><xsl:with-param name="as" select="'dcterms:title'"/>
            </xsl:apply-templates>
            <dc:identifier><xsl:value-of select="$landing"/></dc:identifier>
            <xsl:for-each select="$dc/doc:element[contains($elements, concat(' ', @name, ' '))]">
                <xsl:call-template name="dc-element"/>
            </xsl:for-each>
            <xsl:for-each select="$md/doc:element[@name='dcterms']
                                  /doc:element[@name != 'title'][contains($terms, concat(' ', @name, ' '))]">
                <xsl:apply-templates mode="value" select=".//doc:field[@name='value']">
                    <xsl:with-param name="as" select="concat('dcterms:', @name)"/>
                </xsl:apply-templates>
            </xsl:for-each>
            <xsl:call-template name="useit"/>
            <xsl:for-each select="$md/doc:element[@name='relation']/doc:element/doc:element/doc:field[@name='value']
                                  [starts-with(following-sibling::doc:field[1][@name='authority'], 'virtual::')]
                                  [normalize-space(.) != '']">
                <dc:relation><xsl:value-of select="concat($ui, '/items/', normalize-space(.))"/></dc:relation>
            </xsl:for-each>
            <xsl:call-template name="access-rights"/>
            <!-- full-text links for harvesters that fetch them (CORE): open files only -->
            <xsl:for-each select="$md/doc:element[@name='bundles']/doc:element[@name='bundle']
                                  [doc:field[@name='name'] = 'ORIGINAL']//doc:element[@name='bitstream']
                                  [doc:field[@name='access'] = 'open']/doc:field[@name='url'][normalize-space(.) != '']">
                <dc:identifier><xsl:value-of select="."/></dc:identifier>
            </xsl:for-each>
        </qdc:qualifieddc>
    </xsl:template>

    <!-- One dc.<element>: its unqualified values, then each qualifier as its refinement or as the element. -->
    <xsl:template name="dc-element">
        <xsl:variable name="element" select="@name"/>
        <xsl:if test="$element != 'title'">
            <xsl:apply-templates mode="value" select="doc:element/doc:field[@name='value']">
                <xsl:with-param name="as" select="concat('dc:', $element)"/>
            </xsl:apply-templates>
        </xsl:if>
        <xsl:for-each select="doc:element[doc:element]">
            <xsl:variable name="key" select="concat($element, '.', @name)"/>
            <xsl:variable name="term"
                select="substring-before(substring-after($refinements, concat(' ', $key, '=')), ' ')"/>
            <xsl:variable name="as">
                <xsl:choose>
                    <xsl:when test="$key = 'description.provenance' or $key = 'date.accessioned'"/>
                    <xsl:when test="$key = 'contributor.author'">dc:creator</xsl:when>
                    <xsl:when test="$term != ''"><xsl:value-of select="concat('dcterms:', $term)"/></xsl:when>
                    <xsl:otherwise><xsl:value-of select="concat('dc:', $element)"/></xsl:otherwise>
                </xsl:choose>
            </xsl:variable>
            <xsl:if test="$as != ''">
                <xsl:apply-templates mode="value" select=".//doc:field[@name='value']">
                    <xsl:with-param name="as" select="$as"/>
                </xsl:apply-templates>
            </xsl:if>
        </xsl:for-each>
    </xsl:template>

    <xsl:template name="useit">
        <xsl:apply-templates mode="value" select="$u/doc:element[@name='strand']//doc:field[@name='value']">
            <xsl:with-param name="as" select="'dc:subject'"/>
        </xsl:apply-templates>
        <xsl:apply-templates mode="value" select="$u/doc:element[@name='place']//doc:field[@name='value']">
            <xsl:with-param name="as" select="'dcterms:spatial'"/>
        </xsl:apply-templates>
        <xsl:apply-templates mode="value" select="$u/doc:element[@name='objective']//doc:field[@name='value']">
            <xsl:with-param name="as" select="'dc:description'"/>
        </xsl:apply-templates>
        <xsl:apply-templates mode="value" select="$u/doc:element[@name='outputType']//doc:field[@name='value']">
            <xsl:with-param name="as" select="'dc:type'"/>
        </xsl:apply-templates>
        <xsl:apply-templates mode="value" select="$u/doc:element[@name='source']//doc:field[@name='value']">
            <xsl:with-param name="as" select="'dc:source'"/>
        </xsl:apply-templates>
    </xsl:template>

    <!-- COAR access rights as anonymous users have them; a record compiled without them says metadata only. -->
    <xsl:template name="access-rights">
        <dcterms:accessRights>
            <xsl:choose>
                <xsl:when test="$access-right"><xsl:value-of select="$access-right"/></xsl:when>
                <xsl:otherwise>http://purl.org/coar/access_right/c_14cb</xsl:otherwise>
            </xsl:choose>
        </dcterms:accessRights>
    </xsl:template>

    <!-- One value as the element named "as" (dc: or dcterms: prefix); the landing page is written once. -->
    <xsl:template mode="value" match="doc:field">
        <xsl:param name="as"/>
        <xsl:variable name="v" select="normalize-space(.)"/>
        <xsl:if test="$v != '' and not($as = 'dc:identifier' and $v = $landing)">
            <xsl:choose>
                <xsl:when test="starts-with($as, 'dcterms:')">
                    <xsl:element name="{$as}" namespace="http://purl.org/dc/terms/"><xsl:value-of select="."/>
                    </xsl:element>
                </xsl:when>
                <xsl:otherwise>
                    <xsl:element name="{$as}" namespace="http://purl.org/dc/elements/1.1/"><xsl:value-of select="."/>
                    </xsl:element>
                </xsl:otherwise>
            </xsl:choose>
        </xsl:if>
    </xsl:template>
</xsl:stylesheet>
