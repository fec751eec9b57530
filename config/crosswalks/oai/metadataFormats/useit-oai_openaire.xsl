<?xml version="1.0" encoding="UTF-8"?>
<!--
  USE-IT! repository addon for DSpace.
  Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.

  USE-IT! crosswalk: DSpace's XOAI item document to the OpenAIRE Guidelines for Literature Repositories v4
  (oai_openaire, schema repo-lit/4.0/openaire.xsd).

  - resource type: useit.outputType when it is a COAR type the v4 schema lists, otherwise by item type
    (case study: text, project and partner records: other); blog posts (COAR c_6947, newer than v4's list) are
    given as website content (c_7ad9);
  - access rights: the item's as anonymous users have them (others/useit-access, from the addon's compile plugin:
    open, embargoed, restricted), metadata only when there is no file; an embargo's end as the Available date;
  - file location: oaire:file for each open file of the ORIGINAL bundle (closed files are not linked);
  - descriptions: the abstract, the plain description (an illustrative record's note among them), the objective;
  - funding: the oaire.* fields (funder name, Crossref Funder ID, stream, award number and title);
  - identifier: the item's handle URL; no element is written empty.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:doc="http://www.lyncode.com/xoai"
                xmlns:oaire="http://namespace.openaire.eu/schema/oaire/"
                xmlns:datacite="http://datacite.org/schema/kernel-4"
                xmlns:dc="http://purl.org/dc/elements/1.1/"
                exclude-result-prefixes="doc">
    <xsl:output method="xml" omit-xml-declaration="yes" indent="no"/>

    <!-- one line in every record: a line break inside the attribute would reach each record as spaces -->
    <xsl:variable name="schema-location" select="concat('http://namespace.openaire.eu/schema/oaire/', ' ',
                                                  'https://www.openaire.eu/schema/repo-lit/4.0/openaire.xsd')"/>

    <xsl:variable name="md" select="/doc:metadata"/>
    <xsl:variable name="dc" select="$md/doc:element[@name='dc']"/>
    <xsl:variable name="useit" select="$md/doc:element[@name='useit']"/>
    <xsl:variable name="oaire" select="$md/doc:element[@name='oaire']"/>
    <xsl:variable name="coar" select="'http://purl.org/coar/resource_type/'"/>
    <xsl:variable name="access" select="$md/doc:element[@name='others']/doc:element[@name='useit-access']"/>
    <!-- COAR resource types the v4 schema accepts, as " c_xxxx " tokens -->
    <xsl:variable name="v4types" select="concat(' c_1162 c_0640 c_6501 c_b239 c_7a1f c_86bc c_2f33 c_3248 c_ba08',
        ' c_7ad9 c_e9a0 c_f744 c_c94f c_5794 c_6670 c_3e5a c_beb9 c_ddb1 c_db06 c_c513 c_8544 c_0857 c_bdcc c_8a7e',
        ' c_2659 c_545b c_1843 c_15cd c_816b c_93fc c_ba1f c_baaf c_efa0 c_5ce6 c_ecc8 c_71bd c_393c c_8042 c_46ec',
        ' c_12cc c_12cd c_12ce c_18cc c_18cd c_18cf c_18cp c_18co c_18cw c_18ww c_18wz c_18wq c_186u c_18op c_18hj',
        ' c_18ws c_18gh c_dcae04bc c_2df8fbb1 ')"/>

    <xsl:template match="/">
        <oaire:resource xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                        xsi:schemaLocation="{$schema-location}">
            <datacite:titles>
                <xsl:for-each select="$dc/doc:element[@name='title']/doc:element/doc:field[@name='value']">
                    <datacite:title><xsl:value-of select="."/></datacite:title>
                </xsl:for-each>
                <xsl:for-each select="$dc/doc:element[@name='title']/doc:element[@name='alternative']
                                      //doc:field[@name='value']">
                    <datacite:title titleType="AlternativeTitle"><xsl:value-of select="."/></datacite:title>
                </xsl:for-each>
            </datacite:titles>
            <xsl:variable name="creators"
                select="$dc/doc:element[@name='contributor']/doc:element[@name='author']//doc:field[@name='value']
                        | $dc/doc:element[@name='creator']//doc:field[@name='value']"/>
            <xsl:if test="$creators">
                <datacite:creators>
                    <xsl:for-each select="$creators">
                        <datacite:creator>
                            <datacite:creatorName><xsl:value-of select="."/></datacite:creatorName>
                        </datacite:creator>
                    </xsl:for-each>
                </datacite:creators>
            </xsl:if>
            <xsl:call-template name="funding"/>
            <!-- the publication date is mandatory: the issue date, else the day the repository made it available -->
            <xsl:variable name="issued" select="$dc/doc:element[@name='date']/doc:element[@name='issued']
                                                //doc:field[@name='value']"/>
            <xsl:variable name="deposited" select="$dc/doc:element[@name='date']/doc:element[@name='accessioned'
                                                   or @name='available']//doc:field[@name='value']"/>
            <xsl:if test="$issued or $deposited">
                <datacite:dates>
                    <datacite:date dateType="Issued">
                        <xsl:choose>
                            <xsl:when test="$issued"><xsl:value-of select="$issued[1]"/></xsl:when>
                            <xsl:otherwise><xsl:value-of select="substring($deposited[1], 1, 10)"/></xsl:otherwise>
                        </xsl:choose>
                    </datacite:date>
                    <!-- the embargo period's end: the day anonymous users may read the files -->
                    <xsl:for-each select="$access[doc:field[@name='value'] = 'embargoed']
                                          /doc:field[@name='availableFrom']">
                        <datacite:date dateType="Available"><xsl:value-of select="."/></datacite:date>
                    </xsl:for-each>
                </datacite:dates>
            </xsl:if>
            <xsl:for-each select="$dc/doc:element[@name='language']//doc:field[@name='value'][1]">
                <dc:language><xsl:value-of select="."/></dc:language>
            </xsl:for-each>
            <xsl:for-each select="$dc/doc:element[@name='publisher']//doc:field[@name='value']">
                <dc:publisher><xsl:value-of select="."/></dc:publisher>
            </xsl:for-each>
            <xsl:call-template name="resource-type"/>
            <xsl:for-each select="$dc/doc:element[@name='description']/doc:element[@name='abstract']
                                  //doc:field[@name='value'] | $dc/doc:element[@name='description']/doc:element
                                  /doc:field[@name='value'] | $useit/doc:element[@name='objective']
                                  //doc:field[@name='value']">
                <dc:description><xsl:value-of select="."/></dc:description>
            </xsl:for-each>
            <xsl:call-template name="identifier"/>
            <xsl:call-template name="access-rights"/>
            <!-- the file location: each file anybody may download (closed files have no url in the record) -->
            <xsl:for-each select="$md/doc:element[@name='bundles']/doc:element[@name='bundle']
                                  [doc:field[@name='name'] = 'ORIGINAL']//doc:element[@name='bitstream']
                                  [doc:field[@name='access'] = 'open'][doc:field[@name='url']]">
                <oaire:file accessRightsURI="http://purl.org/coar/access_right/c_abf2" objectType="fulltext">
                    <xsl:for-each select="doc:field[@name='format'][normalize-space(.) != ''][1]">
                        <xsl:attribute name="mimeType"><xsl:value-of select="."/></xsl:attribute>
                    </xsl:for-each>
                    <xsl:value-of select="doc:field[@name='url']"/>
                </oaire:file>
            </xsl:for-each>
            <xsl:variable name="subjects" select="$dc/doc:element[@name='subject']//doc:field[@name='value']
                                                  | $useit/doc:element[@name='strand']//doc:field[@name='value']"/>
            <xsl:if test="$subjects">
                <datacite:subjects>
                    <xsl:for-each select="$subjects">
                        <datacite:subject><xsl:value-of select="."/></datacite:subject>
                    </xsl:for-each>
                </datacite:subjects>
            </xsl:if>
            <xsl:for-each select="$useit/doc:element[@name='place']//doc:field[@name='value']">
                <dc:coverage><xsl:value-of select="."/></dc:coverage>
            </xsl:for-each>
        </oaire:resource>
    </xsl:template>

    <!-- A link harvesters can follow: the item's handle URL (dc.identifier.uri: a hdl.handle.net URL, or the
         landing page where the handle prefix is not registered), else the bare handle. -->
    <xsl:template name="identifier">
        <xsl:variable name="handle" select="string($md/doc:element[@name='others']/doc:field[@name='handle'])"/>
        <xsl:variable name="uris" select="$dc/doc:element[@name='identifier']/doc:element[@name='uri']
                                          /doc:element/doc:field[@name='value']"/>
        <!-- the handle's own URL where an item has several (an import may put a DOI's URL first) -->
        <xsl:variable name="uri">
            <xsl:choose>
                <xsl:when test="$handle != '' and $uris[contains(., $handle)]">
                    <xsl:value-of select="normalize-space($uris[contains(., $handle)][1])"/>
                </xsl:when>
                <xsl:otherwise><xsl:value-of select="normalize-space($uris[1])"/></xsl:otherwise>
            </xsl:choose>
        </xsl:variable>
        <xsl:choose>
            <xsl:when test="contains($uri, '://hdl.handle.net/')">
                <datacite:identifier identifierType="HANDLE"><xsl:value-of select="$uri"/></datacite:identifier>
            </xsl:when>
            <xsl:when test="starts-with($uri, 'http://') or starts-with($uri, 'https://')">
                <datacite:identifier identifierType="URL"><xsl:value-of select="$uri"/></datacite:identifier>
            </xsl:when>
            <xsl:otherwise>
                <datacite:identifier identifierType="HANDLE">
                    <xsl:value-of select="$md/doc:element[@name='others']/doc:field[@name='handle']"/>
                </datacite:identifier>
            </xsl:otherwise>
        </xsl:choose>
    </xsl:template>

    <xsl:template name="funding">
        <xsl:variable name="funder" select="$oaire/doc:element[@name='funderName']//doc:field[@name='value'][1]"/>
        <xsl:if test="$funder">
            <oaire:fundingReferences>
                <oaire:fundingReference>
                    <oaire:funderName><xsl:value-of select="$funder"/></oaire:funderName>
                    <xsl:for-each select="$oaire/doc:element[@name='funderIdentifier']//doc:field[@name='value'][1]">
                        <oaire:funderIdentifier funderIdentifierType="Crossref Funder ID">
                            <xsl:value-of select="."/>
                        </oaire:funderIdentifier>
                    </xsl:for-each>
                    <xsl:for-each select="$oaire/doc:element[@name='fundingStream']//doc:field[@name='value'][1]">
                        <oaire:fundingStream><xsl:value-of select="."/></oaire:fundingStream>
                    </xsl:for-each>
                    <xsl:for-each select="$oaire/doc:element[@name='awardNumber']//doc:field[@name='value'][1]">
                        <oaire:awardNumber><xsl:value-of select="."/></oaire:awardNumber>
                    </xsl:for-each>
                    <xsl:for-each select="$oaire/doc:element[@name='awardTitle']//doc:field[@name='value'][1]">
                        <oaire:awardTitle><xsl:value-of select="."/></oaire:awardTitle>
                    </xsl:for-each>
                </oaire:fundingReference>
            </oaire:fundingReferences>
        </xsl:if>
    </xsl:template>

    <xsl:template name="resource-type">
        <xsl:variable name="declared"
            select="substring-after($useit/doc:element[@name='outputType']//doc:field[@name='value'][1], $coar)"/>
        <xsl:variable name="entity" select="$md/doc:element[@name='dspace']/doc:element[@name='entity']
                                            /doc:element[@name='type']//doc:field[@name='value'][1]"/>
        <xsl:variable name="code">
            <xsl:choose>
                <xsl:when test="$declared = 'c_6947'">c_7ad9</xsl:when>
                <xsl:when test="$declared != '' and contains($v4types, concat(' ', $declared, ' '))">
                    <xsl:value-of select="$declared"/>
                </xsl:when>
                <xsl:when test="$entity = 'CaseStudy'">c_18cf</xsl:when>
                <xsl:otherwise>c_1843</xsl:otherwise>
            </xsl:choose>
        </xsl:variable>
        <xsl:variable name="label">
            <xsl:choose>
                <xsl:when test="$code = 'c_93fc'">report</xsl:when>
                <xsl:when test="$code = 'c_6501'">journal article</xsl:when>
                <xsl:when test="$code = 'c_7ad9'">website</xsl:when>
                <xsl:when test="$code = 'c_12ce'">video</xsl:when>
                <xsl:when test="$code = 'c_ddb1'">dataset</xsl:when>
                <xsl:when test="$code = 'c_18cf'">text</xsl:when>
                <xsl:otherwise>other</xsl:otherwise>
            </xsl:choose>
        </xsl:variable>
        <xsl:variable name="general">
            <xsl:choose>
                <xsl:when test="$code = 'c_ddb1'">dataset</xsl:when>
                <xsl:when test="$code = 'c_1843' or $code = 'c_12ce'">other research product</xsl:when>
                <xsl:otherwise>literature</xsl:otherwise>
            </xsl:choose>
        </xsl:variable>
        <oaire:resourceType resourceTypeGeneral="{$general}" uri="{concat($coar, $code)}">
            <xsl:value-of select="$label"/>
        </oaire:resourceType>
    </xsl:template>

    <xsl:template name="access-rights">
        <xsl:variable name="status" select="$md/doc:element[@name='others']/doc:element[@name='useit-access']
                                            /doc:field[@name='value']"/>
        <xsl:choose>
            <xsl:when test="$status = 'open'">
                <datacite:rights rightsURI="http://purl.org/coar/access_right/c_abf2">open access</datacite:rights>
            </xsl:when>
            <xsl:when test="$status = 'embargoed'">
                <datacite:rights rightsURI="http://purl.org/coar/access_right/c_f1cf">embargoed access</datacite:rights>
            </xsl:when>
            <xsl:when test="$status = 'restricted'">
                <datacite:rights rightsURI="http://purl.org/coar/access_right/c_16ec">restricted access</datacite:rights>
            </xsl:when>
            <xsl:otherwise>
                <datacite:rights rightsURI="http://purl.org/coar/access_right/c_14cb">metadata only access</datacite:rights>
            </xsl:otherwise>
        </xsl:choose>
    </xsl:template>
</xsl:stylesheet>
