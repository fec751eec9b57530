<?xml version="1.0" encoding="UTF-8"?>
<!--
  USE-IT! repository addon for DSpace.
  Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.

  USE-IT! crosswalk: DSpace's XOAI item document (doc:metadata) to Simple Dublin Core (oai_dc).

  Each of the fifteen DC elements takes the values of the DSpace dc field of the same name, qualified or not,
  with these choices: creators are dc.creator and dc.contributor.author; other contributors are every other
  dc.contributor; dc.description.provenance (internal bookkeeping) is never shown; dc:date is the issue date
  only (harvesters read it as the publication date), falling back to dc.date when there is none.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:doc="http://www.lyncode.com/xoai"
                xmlns:dc="http://purl.org/dc/elements/1.1/"
                exclude-result-prefixes="doc">
    <xsl:output method="xml" omit-xml-declaration="yes" indent="no"/>

    <!-- one line in every record: a line break inside the attribute would reach each record as spaces -->
    <xsl:variable name="schema-location" select="concat('http://www.openarchives.org/OAI/2.0/oai_dc/', ' ',
                                                  'http://www.openarchives.org/OAI/2.0/oai_dc.xsd')"/>

    <xsl:variable name="dc" select="/doc:metadata/doc:element[@name='dc']"/>

    <xsl:template match="/">
        <oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
                   xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                   xsi:schemaLocation="{$schema-location}">
            <xsl:apply-templates mode="dc" select="$dc/doc:element[@name='title']//doc:field[@name='value']">
                <xsl:with-param name="as" select="'title'"/>
            </xsl:apply-templates>
            <xsl:apply-templates mode="dc"
                select="$dc/doc:element[@name='creator']//doc:field[@name='value']
                        | $dc/doc:element[@name='contributor']/doc:element[@name='author']//doc:field[@name='value']">
                <xsl:with-param name="as" select="'creator'"/>
            </xsl:apply-templates>
            <xsl:apply-templates mode="dc"
                select="$dc/doc:element[@name='contributor']/doc:element[@name!='author']//doc:field[@name='value']">
                <xsl:with-param name="as" select="'contributor'"/>
            </xsl:apply-templates>
            <xsl:apply-templates mode="dc" select="$dc/doc:element[@name='subject']//doc:field[@name='value']">
                <xsl:with-param name="as" select="'subject'"/>
            </xsl:apply-templates>
            <xsl:apply-templates mode="dc"
                select="$dc/doc:element[@name='description']/doc:element[@name!='provenance']//doc:field[@name='value']">
                <xsl:with-param name="as" select="'description'"/>
            </xsl:apply-templates>
            <xsl:call-template name="date"/>
            <xsl:call-template name="plain"><xsl:with-param name="name" select="'publisher'"/></xsl:call-template>
            <xsl:call-template name="plain"><xsl:with-param name="name" select="'type'"/></xsl:call-template>
            <xsl:call-template name="plain"><xsl:with-param name="name" select="'format'"/></xsl:call-template>
            <xsl:call-template name="plain"><xsl:with-param name="name" select="'identifier'"/></xsl:call-template>
            <xsl:call-template name="plain"><xsl:with-param name="name" select="'source'"/></xsl:call-template>
            <xsl:call-template name="plain"><xsl:with-param name="name" select="'language'"/></xsl:call-template>
            <xsl:call-template name="plain"><xsl:with-param name="name" select="'relation'"/></xsl:call-template>
            <xsl:call-template name="plain"><xsl:with-param name="name" select="'coverage'"/></xsl:call-template>
            <xsl:call-template name="plain"><xsl:with-param name="name" select="'rights'"/></xsl:call-template>
        </oai_dc:dc>
    </xsl:template>

    <!-- Every value of dc.<name> and dc.<name>.* as dc:<name>. -->
    <xsl:template name="plain">
        <xsl:param name="name"/>
        <xsl:apply-templates mode="dc" select="$dc/doc:element[@name=$name]//doc:field[@name='value']">
            <xsl:with-param name="as" select="$name"/>
        </xsl:apply-templates>
    </xsl:template>

    <xsl:template name="date">
        <xsl:variable name="issued" select="$dc/doc:element[@name='date']/doc:element[@name='issued']
                                            //doc:field[@name='value']"/>
        <xsl:choose>
            <xsl:when test="$issued">
                <xsl:apply-templates mode="dc" select="$issued"><xsl:with-param name="as" select="'date'"/>
                </xsl:apply-templates>
            </xsl:when>
            <xsl:otherwise>
                <xsl:apply-templates mode="dc"
                    select="$dc/doc:element[@name='date']/doc:element/doc:field[@name='value']">
                    <xsl:with-param name="as" select="'date'"/>
                </xsl:apply-templates>
            </xsl:otherwise>
        </xsl:choose>
    </xsl:template>

    <!-- One value; blank values are dropped so no element is ever empty. -->
    <xsl:template mode="dc" match="doc:field">
        <xsl:param name="as"/>
        <xsl:if test="normalize-space(.) != ''">
            <xsl:element name="dc:{$as}" namespace="http://purl.org/dc/elements/1.1/">
                <xsl:value-of select="."/>
            </xsl:element>
        </xsl:if>
    </xsl:template>
</xsl:stylesheet>
