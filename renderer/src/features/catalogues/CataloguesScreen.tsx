import { Stack, Tabs } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { Enterprises } from './Enterprises';
import { IssuedDocuments } from './IssuedDocuments';
import { LegalBases } from './LegalBases';

/** The registers behind the report: the committee's own documents, the governing texts, enterprise party organisations abroad. */
export function CataloguesScreen() {
  const t = useT();
  return (
    <Stack gap="md" data-testid="catalogues-screen">
      <PageHeader title={t('catalogues.title')} />
      <Tabs defaultValue="issued" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="issued" data-testid="tab-issued">
            {t('catalogues.issued')}
          </Tabs.Tab>
          <Tabs.Tab value="legal" data-testid="tab-legal">
            {t('catalogues.legalBases')}
          </Tabs.Tab>
          <Tabs.Tab value="enterprises" data-testid="tab-enterprises">
            {t('catalogues.enterprises')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="issued" pt="md">
          <IssuedDocuments />
        </Tabs.Panel>
        <Tabs.Panel value="legal" pt="md">
          <LegalBases />
        </Tabs.Panel>
        <Tabs.Panel value="enterprises" pt="md">
          <Enterprises />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
