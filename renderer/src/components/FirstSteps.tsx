import { Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconPlus } from '@tabler/icons-react';
import { useNavigation } from '../state/navigation';
import { useT } from '../i18n';

/** What a new registry asks for first, in place of an empty list: the members, by hand or from the Excel template. */
export function FirstSteps() {
  const t = useT();
  const go = useNavigation((state) => state.go);
  const open = useNavigation((state) => state.open);
  return (
    <Card withBorder padding="md" data-testid="first-steps">
      <Stack gap="sm">
        <Title order={3} fz="h4">
          {t('firstSteps.title')}
        </Title>
        <Text size="sm">{t('firstSteps.intro')}</Text>
        <List spacing="sm" size="sm" type="ordered">
          <List.Item>
            <Group gap="sm" wrap="nowrap" align="center">
              <Button
                size="xs"
                style={{ flexShrink: 0 }}
                leftSection={<IconPlus size={14} />}
                onClick={() => open('members', { kind: 'newMember' })}
                data-testid="first-steps-add-member"
              >
                {t('firstSteps.addMember')}
              </Button>
              <Text size="sm" c="dimmed">
                {t('firstSteps.addMember.hint')}
              </Text>
            </Group>
          </List.Item>
          <List.Item>
            <Group gap="sm" wrap="nowrap" align="center">
              <Button
                size="xs"
                variant="light"
                style={{ flexShrink: 0 }}
                leftSection={<IconFileSpreadsheet size={14} />}
                onClick={() => go('import')}
                data-testid="first-steps-import"
              >
                {t('firstSteps.import')}
              </Button>
              <Text size="sm" c="dimmed">
                {t('firstSteps.import.hint')}
              </Text>
            </Group>
          </List.Item>
        </List>
        <Text size="sm">
          <b>{t('firstSteps.cells')}.</b> {t('firstSteps.cells.hint')}
        </Text>
        <Text size="sm">{t('firstSteps.trips')}</Text>
      </Stack>
    </Card>
  );
}
