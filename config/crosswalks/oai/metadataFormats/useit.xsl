<?xml version="1.0" encoding="UTF-8"?>
<!--
  USE-IT! crosswalk: DSpace's XOAI item document to the native USE-IT! format (metadataPrefix "useit",
  namespace https://w3id.org/useit/ns/1.0/, schema eu/useit/dspace/oai/useit.xsd in the addon jar).
  Element order follows the schema; nothing is written empty.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:doc="http://www.lyncode.com/xoai"
                xmlns:useit="https://w3id.org/useit/ns/1.0/"
                exclude-result-prefixes="doc">
    <xsl:output method="xml" omit-xml-declaration="yes" indent="yes"/>

    <xsl:variable name="md" select="/doc:metadata"/>
    <xsl:variable name="dc" select="$md/doc:element[@name='dc']"/>
    <xsl:variable name="u" select="$md/doc:element[@name='useit']"/>
    <xsl:variable name="oaire" select="$md/doc:element[@name='oaire']"/>

    <xsl:template match="/">
        <useit:record xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                      xsi:schemaLocation="https://w3id.org/useit/ns/1.0/ https://w3id.org/useit/ns/1.0/useit.xsd"
                      type="{$md/doc:element[@name='dspace']/doc:element[@name='entity']/doc:element[@name='type']
                             //doc:field[@name='value']}">
            <xsl:for-each select="$u/doc:element[@name='key']//doc:field[@name='value'][1]">
                <xsl:attribute name="key"><xsl:value-of select="."/></xsl:attribute>
            </xsl:for-each>
            <useit:title>
                <xsl:value-of select="$dc/doc:element[@name='title']/doc:element/doc:field[@name='value']"/>
            </useit:title>
            <xsl:call-template name="values">
                <xsl:with-param name="nodes" select="$dc/doc:element[@name='contributor']
                    /doc:element[@name='author']//doc:field[@name='value']
                    | $dc/doc:element[@name='creator']//doc:field[@name='value']"/>
                <xsl:with-param name="as" select="'creator'"/>
            </xsl:call-template>
            <xsl:call-template name="values">
                <xsl:with-param name="nodes" select="($dc/doc:element[@name='date']/doc:element[@name='issued']
                                                      //doc:field[@name='value'])[1]"/>
                <xsl:with-param name="as" select="'date'"/>
            </xsl:call-template>
            <xsl:call-template name="values">
                <xsl:with-param name="nodes" select="($dc/doc:element[@name='description']
                    /doc:element[@name='abstract']//doc:field[@name='value'])[1]"/>
                <xsl:with-param name="as" select="'abstract'"/>
            </xsl:call-template>
            <xsl:for-each select="$u/doc:element[@name='strand']/doc:element">
                <useit:strand>
                    <xsl:for-each select="doc:field[@name='authority']">
                        <xsl:attribute name="id"><xsl:value-of select="."/></xsl:attribute>
                    </xsl:for-each>
                    <xsl:value-of select="doc:field[@name='value']"/>
                </useit:strand>
            </xsl:for-each>
            <xsl:call-template name="single"><xsl:with-param name="name" select="'objective'"/></xsl:call-template>
            <xsl:call-template name="single"><xsl:with-param name="name" select="'challenge'"/></xsl:call-template>
            <xsl:call-template name="single"><xsl:with-param name="name" select="'approach'"/></xsl:call-template>
            <xsl:call-template name="single"><xsl:with-param name="name" select="'outcome'"/></xsl:call-template>
            <xsl:call-template name="values">
                <xsl:with-param name="nodes" select="$u/doc:element[@name='place']//doc:field[@name='value']"/>
                <xsl:with-param name="as" select="'place'"/>
            </xsl:call-template>
            <xsl:call-template name="values">
                <xsl:with-param name="nodes" select="$u/doc:element[@name='partner']//doc:field[@name='value']"/>
                <xsl:with-param name="as" select="'partner'"/>
            </xsl:call-template>
            <xsl:call-template name="values">
                <xsl:with-param name="nodes" select="($u/doc:element[@name='practitioner']/doc:element[not(@name='role')]
                                                      /doc:field[@name='value'])[1]"/>
                <xsl:with-param name="as" select="'practitioner'"/>
            </xsl:call-template>
            <xsl:call-template name="values">
                <xsl:with-param name="nodes" select="($u/doc:element[@name='practitioner']/doc:element[@name='role']
                                                      //doc:field[@name='value'])[1]"/>
                <xsl:with-param name="as" select="'practitionerRole'"/>
            </xsl:call-template>
            <xsl:call-template name="single"><xsl:with-param name="name" select="'outputType'"/></xsl:call-template>
            <xsl:variable name="funder"
                select="($oaire/doc:element[@name='funderName']//doc:field[@name='value'])[1]"/>
            <xsl:if test="$funder">
                <useit:funding>
                    <useit:funder><xsl:value-of select="$funder"/></useit:funder>
                    <xsl:call-template name="funding-part"><xsl:with-param name="name" select="'funderIdentifier'"/>
                    </xsl:call-template>
                    <xsl:call-template name="funding-part"><xsl:with-param name="name" select="'fundingStream'"/>
                    </xsl:call-template>
                    <xsl:call-template name="funding-part"><xsl:with-param name="name" select="'awardNumber'"/>
                    </xsl:call-template>
                    <xsl:call-template name="funding-part"><xsl:with-param name="name" select="'awardTitle'"/>
                    </xsl:call-template>
                </useit:funding>
            </xsl:if>
            <useit:provenance>
                <xsl:value-of select="($u/doc:element[@name='provenance']//doc:field[@name='value'])[1]"/>
            </useit:provenance>
            <xsl:call-template name="values">
                <xsl:with-param name="nodes" select="$u/doc:element[@name='source']//doc:field[@name='value']"/>
                <xsl:with-param name="as" select="'source'"/>
            </xsl:call-template>
            <xsl:call-template name="values">
                <xsl:with-param name="nodes" select="$u/doc:element[@name='unverified']//doc:field[@name='value']"/>
                <xsl:with-param name="as" select="'unverified'"/>
            </xsl:call-template>
            <xsl:call-template name="values">
                <xsl:with-param name="nodes" select="$dc/doc:element[@name='identifier']/doc:element[@name='uri']
                                                     //doc:field[@name='value']"/>
                <xsl:with-param name="as" select="'identifier'"/>
            </xsl:call-template>
        </useit:record>
    </xsl:template>

    <xsl:template name="single">
        <xsl:param name="name"/>
        <xsl:call-template name="values">
            <xsl:with-param name="nodes" select="($u/doc:element[@name=$name]//doc:field[@name='value'])[1]"/>
            <xsl:with-param name="as" select="$name"/>
        </xsl:call-template>
    </xsl:template>

    <xsl:template name="funding-part">
        <xsl:param name="name"/>
        <xsl:call-template name="values">
            <xsl:with-param name="nodes" select="($oaire/doc:element[@name=$name]//doc:field[@name='value'])[1]"/>
            <xsl:with-param name="as" select="$name"/>
        </xsl:call-template>
    </xsl:template>

    <xsl:template name="values">
        <xsl:param name="nodes"/>
        <xsl:param name="as"/>
        <xsl:for-each select="$nodes[normalize-space(.) != '']">
            <xsl:element name="useit:{$as}" namespace="https://w3id.org/useit/ns/1.0/">
                <xsl:value-of select="normalize-space(.)"/>
            </xsl:element>
        </xsl:for-each>
    </xsl:template>
</xsl:stylesheet>
