<?xml version="1.0" encoding="UTF-8"?>
<!--
  USE-IT! repository addon for DSpace.
  Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.

  USE-IT! crosswalk: DSpace's XOAI item document to DataCite metadata (kernel-4, metadataPrefix "datacite").
  DataCite's mandatory properties are always written: the identifier is the handle URL; a record without
  authors names its publisher, or ":unav" (DataCite's "value unavailable"); the publisher defaults to the
  repository; the publication year comes from the issue date, else from the deposit date. The resource type is
  taken from the COAR output type, or from the item type.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:doc="http://www.lyncode.com/xoai"
                xmlns="http://datacite.org/schema/kernel-4"
                exclude-result-prefixes="doc">
    <xsl:output method="xml" omit-xml-declaration="yes" indent="no"/>

    <!-- one line in every record: a line break inside the attribute would reach each record as spaces -->
    <xsl:variable name="schema-location" select="concat('http://datacite.org/schema/kernel-4', ' ',
                                                  'https://schema.datacite.org/meta/kernel-4/metadata.xsd')"/>

    <xsl:variable name="md" select="/doc:metadata"/>
    <xsl:variable name="dc" select="$md/doc:element[@name='dc']"/>
    <xsl:variable name="u" select="$md/doc:element[@name='useit']"/>
    <xsl:variable name="oaire" select="$md/doc:element[@name='oaire']"/>

    <xsl:template match="/">
        <resource xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                  xsi:schemaLocation="{$schema-location}">
            <!-- a link harvesters can follow, as oai_openaire gives it: the handle URL (a hdl.handle.net URL, or
                 the landing page where the handle prefix is not registered), else the bare handle -->
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
                    <identifier identifierType="Handle"><xsl:value-of select="$uri"/></identifier>
                </xsl:when>
                <xsl:when test="starts-with($uri, 'http://') or starts-with($uri, 'https://')">
                    <identifier identifierType="URL"><xsl:value-of select="$uri"/></identifier>
                </xsl:when>
                <xsl:otherwise>
                    <identifier identifierType="Handle">
                        <xsl:value-of select="$md/doc:element[@name='others']/doc:field[@name='handle']"/>
                    </identifier>
                </xsl:otherwise>
            </xsl:choose>
            <xsl:variable name="authors" select="$dc/doc:element[@name='contributor']/doc:element[@name='author']
                                                 //doc:field[@name='value']
                                                 | $dc/doc:element[@name='creator']//doc:field[@name='value']"/>
            <xsl:variable name="publisher"
                          select="($dc/doc:element[@name='publisher']//doc:field[@name='value'])[1]"/>
            <creators>
                <xsl:choose>
                    <xsl:when test="$authors">
                        <xsl:for-each select="$authors">
                            <creator><creatorName><xsl:value-of select="."/></creatorName></creator>
                        </xsl:for-each>
                    </xsl:when>
                    <xsl:when test="$publisher">
                        <creator><creatorName nameType="Organizational"><xsl:value-of select="$publisher"/>
                        </creatorName></creator>
                    </xsl:when>
                    <xsl:otherwise>
                        <creator><creatorName>:unav</creatorName></creator>
                    </xsl:otherwise>
                </xsl:choose>
            </creators>
            <titles>
                <xsl:for-each select="$dc/doc:element[@name='title']/doc:element/doc:field[@name='value']">
                    <title><xsl:value-of select="."/></title>
                </xsl:for-each>
            </titles>
            <publisher>
                <xsl:choose>
                    <xsl:when test="$publisher"><xsl:value-of select="$publisher"/></xsl:when>
                    <xsl:otherwise>
                        <xsl:value-of select="$md/doc:element[@name='repository']/doc:field[@name='name']"/>
                    </xsl:otherwise>
                </xsl:choose>
            </publisher>
            <xsl:variable name="issued" select="($dc/doc:element[@name='date']/doc:element[@name='issued']
                                                 //doc:field[@name='value'])[1]"/>
            <xsl:variable name="deposited" select="($dc/doc:element[@name='date']
                                                    /doc:element[@name='accessioned']//doc:field[@name='value'])[1]"/>
            <publicationYear>
                <xsl:choose>
                    <xsl:when test="$issued"><xsl:value-of select="substring($issued, 1, 4)"/></xsl:when>
                    <xsl:otherwise><xsl:value-of select="substring($deposited, 1, 4)"/></xsl:otherwise>
                </xsl:choose>
            </publicationYear>
            <xsl:call-template name="resource-type"/>
            <xsl:variable name="subjects" select="$dc/doc:element[@name='subject']//doc:field[@name='value']
                                                  | $u/doc:element[@name='strand']//doc:field[@name='value']"/>
            <xsl:if test="$subjects">
                <subjects>
                    <xsl:for-each select="$subjects"><subject><xsl:value-of select="."/></subject></xsl:for-each>
                </subjects>
            </xsl:if>
            <xsl:if test="$issued">
                <dates><date dateType="Issued"><xsl:value-of select="$issued"/></date></dates>
            </xsl:if>
            <xsl:for-each select="($dc/doc:element[@name='language']//doc:field[@name='value'])[1]">
                <language><xsl:value-of select="."/></language>
            </xsl:for-each>
            <xsl:variable name="abstracts" select="$dc/doc:element[@name='description']
                                                   /doc:element[@name='abstract']//doc:field[@name='value']"/>
            <!-- plain descriptions (an illustrative record's note among them) -->
            <xsl:variable name="others" select="$dc/doc:element[@name='description']/doc:element
                                                /doc:field[@name='value']"/>
            <xsl:if test="$abstracts | $others">
                <descriptions>
                    <xsl:for-each select="$abstracts">
                        <description descriptionType="Abstract"><xsl:value-of select="."/></description>
                    </xsl:for-each>
                    <xsl:for-each select="$others">
                        <description descriptionType="Other"><xsl:value-of select="."/></description>
                    </xsl:for-each>
                </descriptions>
            </xsl:if>
            <!-- the COAR access right of the item as anonymous users have it -->
            <xsl:variable name="access" select="$md/doc:element[@name='others']/doc:element[@name='useit-access']"/>
            <xsl:if test="$access">
                <rightsList>
                    <rights rightsURI="{$access/doc:field[@name='coar']}">
                        <xsl:value-of select="$access/doc:field[@name='label']"/>
                    </rights>
                </rightsList>
            </xsl:if>
            <xsl:variable name="funder"
                          select="($oaire/doc:element[@name='funderName']//doc:field[@name='value'])[1]"/>
            <xsl:if test="$funder">
                <fundingReferences>
                    <fundingReference>
                        <funderName><xsl:value-of select="$funder"/></funderName>
                        <xsl:for-each select="($oaire/doc:element[@name='funderIdentifier']
                                               //doc:field[@name='value'])[1]">
                            <funderIdentifier funderIdentifierType="Crossref Funder ID">
                                <xsl:value-of select="."/>
                            </funderIdentifier>
                        </xsl:for-each>
                        <xsl:for-each select="($oaire/doc:element[@name='awardNumber']//doc:field[@name='value'])[1]">
                            <awardNumber><xsl:value-of select="."/></awardNumber>
                        </xsl:for-each>
                        <xsl:for-each select="($oaire/doc:element[@name='awardTitle']//doc:field[@name='value'])[1]">
                            <awardTitle><xsl:value-of select="."/></awardTitle>
                        </xsl:for-each>
                    </fundingReference>
                </fundingReferences>
            </xsl:if>
        </resource>
    </xsl:template>

    <xsl:template name="resource-type">
        <xsl:variable name="coar" select="substring-after(($u/doc:element[@name='outputType']
            //doc:field[@name='value'])[1], 'http://purl.org/coar/resource_type/')"/>
        <xsl:variable name="entity" select="($md/doc:element[@name='dspace']/doc:element[@name='entity']
                                             /doc:element[@name='type']//doc:field[@name='value'])[1]"/>
        <xsl:variable name="general">
            <xsl:choose>
                <xsl:when test="$coar = 'c_93fc'">Report</xsl:when>
                <xsl:when test="$coar = 'c_6501'">JournalArticle</xsl:when>
                <xsl:when test="$coar = 'c_12ce'">Audiovisual</xsl:when>
                <xsl:when test="$coar = 'c_ddb1'">Dataset</xsl:when>
                <xsl:when test="$coar = 'c_6947' or $entity = 'CaseStudy'">Text</xsl:when>
                <xsl:when test="$entity = 'Project'">Project</xsl:when>
                <xsl:otherwise>Other</xsl:otherwise>
            </xsl:choose>
        </xsl:variable>
        <resourceType resourceTypeGeneral="{$general}">
            <xsl:choose>
                <xsl:when test="$entity = 'CaseStudy'">case study</xsl:when>
                <xsl:when test="$entity = 'OrgUnit'">organisation</xsl:when>
                <xsl:when test="($dc/doc:element[@name='type']//doc:field[@name='value'])[1]">
                    <xsl:value-of select="($dc/doc:element[@name='type']//doc:field[@name='value'])[1]"/>
                </xsl:when>
                <xsl:otherwise><xsl:value-of select="$general"/></xsl:otherwise>
            </xsl:choose>
        </resourceType>
    </xsl:template>
</xsl:stylesheet>
